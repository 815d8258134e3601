/** Import wizard: progress of the long steps, cancel, file-level notes (Simplified Chinese). */
export const importProgressZh = {
  'importProgress.stage.read': '正在读取文件',
  'importProgress.stage.crs': '正在判断坐标系',
  'importProgress.stage.validate': '正在校验数据',
  'importProgress.stage.apply': '正在准备应用',
  'importProgress.stage.download': '正在生成未通过行的文件',
  'importProgress.bytes': '{done} / {total} MB',
  'importProgress.rows': '{done} / {total} 行',
  'importProgress.features': '{done} / {total} 处设施',
  'importProgress.cancel': '取消',
  'importProgress.cancelled':
    '已取消（{stage}）。名录和向导均保持取消前的状态，没有任何数据被更改。',
  'importProgress.fileWarnings': '整列提示',
  'importProgress.moreRejections': '仅列出前 {shown} 项，共 {n} 项；全部见下载的文件。',
} as const;
