export {
  CATEGORY_PALETTE,
  COVERED,
  categoryColour,
  FAILED_RAMP,
  failedColour,
  MINUTE_RAMP,
  minuteClass,
  minuteColour,
  THRESHOLD_COLOURS,
  thresholdColour,
  UNCOVERED,
  UNREACHED,
} from '../../../../analysis/style/palette.ts';
