import { DoubleLeftOutlined } from '@ant-design/icons';
import { Button, Layout, Tabs, Tooltip } from 'antd';
import { type KeyboardEvent, type PointerEvent, type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './dock.css';
import { clampDockWidth, type DockState, loadDockState, saveDockState } from './dock-state.ts';

export interface DockTab {
  key: string;
  label: string;
  icon: ReactNode;
  content: ReactNode;
}

const RAIL_WIDTH = 44;

/**
 * The side dock beside the map (never over it): tabs of panels, collapsible to a rail of tab
 * buttons, resizable by its edge (pointer or arrow keys); width, open state and tab are remembered.
 */
export function Dock({
  tabs,
  tab: wanted,
  onTab,
}: {
  tabs: DockTab[];
  /** A tab the workspace asks for (e.g. a clicked facility); followed each time a new object comes. */
  tab?: { key: string } | null;
  /** The tab on screen ('' while the dock is collapsed). */
  onTab?(tab: string): void;
}) {
  const { t } = useI18n();
  const keys = tabs.map((x) => x.key);
  const [state, setState] = useState<DockState>(() => loadDockState(keys, window.innerWidth));
  const update = (patch: Partial<DockState>) =>
    setState((s) => {
      const next = { ...s, ...patch };
      saveDockState(next);
      return next;
    });
  useEffect(() => onTab?.(state.open ? state.tab : ''), [onTab, state.open, state.tab]);
  useEffect(() => {
    if (wanted !== null && wanted !== undefined)
      setState((s) => (s.tab === wanted.key && s.open ? s : { ...s, tab: wanted.key, open: true }));
  }, [wanted]);
  const choose = (key: string) => update({ tab: key, open: true });

  // A drag of the edge is followed on the window, so the pointer may leave the thin edge (over
  // the map, which has its own pointer handlers) without the drag being lost.
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startWidth = state.width;
    const pointer = e.pointerId;
    e.preventDefault();
    const onMove = (event: globalThis.PointerEvent) => {
      if (event.pointerId !== pointer) return;
      const width = clampDockWidth(startWidth + event.clientX - startX, window.innerWidth);
      setState((s) => (s.width === width ? s : { ...s, width }));
    };
    const onUp = (event: globalThis.PointerEvent) => {
      if (event.pointerId !== pointer) return;
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
      setState((s) => {
        saveDockState(s);
        return s;
      });
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowLeft' ? -20 : e.key === 'ArrowRight' ? 20 : 0;
    if (step === 0) return;
    e.preventDefault();
    update({ width: clampDockWidth(state.width + step, window.innerWidth) });
  };

  return (
    <Layout.Sider
      width={state.open ? state.width : RAIL_WIDTH}
      className={state.open ? 'dock' : 'dock dock-rail'}
      data-testid="dock"
    >
      {!state.open && (
        <nav className="dock-rail-tabs" aria-label={t('dock.expand')}>
          {tabs.map((x) => (
            <Tooltip key={x.key} title={x.label} placement="right">
              <Button
                type="text"
                className="dock-rail-button"
                aria-label={`${t('dock.expand')}: ${x.label}`}
                data-testid={`dock-open-${x.key}`}
                onClick={() => choose(x.key)}
              >
                <span aria-hidden="true">{x.icon}</span>
                <span className="dock-rail-label">{x.label}</span>
              </Button>
            </Tooltip>
          ))}
        </nav>
      )}
      {state.open && (
        <Tooltip title={t('dock.collapse')} placement="bottom">
          <Button
            type="text"
            className="dock-collapse"
            icon={<DoubleLeftOutlined aria-hidden="true" />}
            aria-label={t('dock.collapse')}
            onClick={() => update({ open: false })}
            data-testid="dock-collapse"
          />
        </Tooltip>
      )}
      {/* Folded, the tabs stay mounted (hidden): forms, results and choices survive. */}
      <Tabs
        className={state.open ? 'dock-tabs' : 'dock-tabs dock-tabs-hidden'}
        activeKey={state.tab}
        onChange={choose}
        items={tabs.map((x) => ({
          key: x.key,
          label: (
            <span data-testid={`dock-tab-${x.key}`}>
              <span aria-hidden="true">{x.icon}</span> {x.label}
            </span>
          ),
          // Every tab stays mounted: its state (forms, results) survives switching tabs.
          forceRender: true,
          children: (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the body scrolls on its own, and a scrolling region must be reachable by keyboard to be scrolled by it
            <section className="dock-body" tabIndex={0} aria-label={x.label}>
              {x.content}
            </section>
          ),
        }))}
      />
      {state.open && (
        // biome-ignore lint/a11y/useSemanticElements: a focusable splitter has no native element
        <div
          className="dock-resize"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('dock.resize')}
          aria-valuenow={state.width}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onKeyDown={onKey}
          data-testid="dock-resize"
        />
      )}
    </Layout.Sider>
  );
}
