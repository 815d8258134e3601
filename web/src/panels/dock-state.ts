/** Width, open state and tab of the side dock, remembered across visits (localStorage). */
export interface DockState {
  width: number;
  open: boolean;
  tab: string;
}

const KEY = 'carecircle.dock';
export const DOCK_MIN_WIDTH = 300;
export const DOCK_MAX_SHARE = 0.45;

/** Default width: wide enough for the tables, narrow enough to leave the map most of the window. */
export function defaultDockWidth(windowWidth: number): number {
  return windowWidth >= 1400 ? 380 : 340;
}

export function clampDockWidth(width: number, windowWidth: number): number {
  const max = Math.max(DOCK_MIN_WIDTH, Math.round(windowWidth * DOCK_MAX_SHARE));
  return Math.min(max, Math.max(DOCK_MIN_WIDTH, Math.round(width)));
}

/** ?panel=closed|open (links, screenshots of the map alone) wins over the stored state. */
export function loadDockState(tabs: readonly string[], windowWidth: number): DockState {
  const fallback: DockState = { width: defaultDockWidth(windowWidth), open: true, tab: tabs[0] };
  let stored: Partial<DockState> = {};
  try {
    stored = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<DockState>;
  } catch {
    stored = {};
  }
  const fromUrl = new URLSearchParams(window.location.search).get('panel');
  const open = fromUrl === 'closed' ? false : fromUrl === 'open' ? true : stored.open !== false;
  return {
    width: clampDockWidth(
      typeof stored.width === 'number' ? stored.width : fallback.width,
      windowWidth,
    ),
    open,
    tab: typeof stored.tab === 'string' && tabs.includes(stored.tab) ? stored.tab : fallback.tab,
  };
}

export function saveDockState(state: DockState): void {
  window.localStorage.setItem(KEY, JSON.stringify(state));
}
