/** The workspace frame: docks, tabs, legend dock, editing modes. */
export const workspaceZh = {
  'dock.tab.analysis': '分析',
  'dock.tab.scenario': '方案',
  'dock.tab.overview': '概况',
  'dock.collapse': '收起面板',
  'dock.expand': '展开面板',
  'dock.resize': '拖动调整面板宽度',
  'legend.collapse': '收起图例',
  'legend.expand': '图例与图层',
  'legend.states': '方案中的站点',
  'legend.state.existing': '现状站点',
  'legend.state.new': '新增站点',
  'legend.state.moved': '迁移站点',
  'legend.state.resized': '调整规模',
  'legend.state.closed': '关闭站点',
  'legend.state.proposed': '优化建议站点',
  'mode.escHint': '按 Esc 退出',
} as const;
