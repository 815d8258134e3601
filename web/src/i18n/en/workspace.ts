import type { workspaceZh } from '../zh-CN/workspace.ts';

export const workspaceEn: Record<keyof typeof workspaceZh, string> = {
  'dock.tab.analysis': 'Analysis',
  'dock.tab.scenario': 'Scenarios',
  'dock.tab.overview': 'Overview',
  'dock.collapse': 'Collapse panel',
  'dock.expand': 'Expand panel',
  'dock.resize': 'Drag to resize the panel',
  'legend.collapse': 'Collapse legend',
  'legend.expand': 'Legend and layers',
  'legend.states': 'Sites in the scenario',
  'legend.state.existing': 'Existing site',
  'legend.state.new': 'New site',
  'legend.state.moved': 'Moved site',
  'legend.state.resized': 'Resized site',
  'legend.state.closed': 'Closed site',
  'legend.state.proposed': 'Proposed by the optimiser',
  'mode.escHint': 'Press Esc to leave',
};
