/** Import wizard: progress of the long steps, cancel, file-level notes (English). */
export const importProgressEn = {
  'importProgress.stage.read': 'Reading the file',
  'importProgress.stage.crs': 'Working out the coordinate system',
  'importProgress.stage.validate': 'Checking the rows',
  'importProgress.stage.apply': 'Preparing to apply',
  'importProgress.stage.download': 'Writing the rejected rows',
  'importProgress.bytes': '{done} / {total} MB',
  'importProgress.rows': '{done} / {total} rows',
  'importProgress.features': '{done} / {total} facilities',
  'importProgress.cancel': 'Cancel',
  'importProgress.cancelled':
    'Cancelled ({stage}). The register and the wizard are as they were before: nothing was changed.',
  'importProgress.fileWarnings': 'Whole-column notes',
  'importProgress.moreRejections':
    'The first {shown} of {n} problems; the download lists them all.',
} as const;
