export { FACILITY_STYLE, type Rgb, rgbCss } from '../../../analysis/style/palette.ts';
export { FACILITY_TYPES } from '../../../analysis/vocabulary.ts';
