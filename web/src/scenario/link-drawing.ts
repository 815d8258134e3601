import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { haversineM } from '../../../analysis/geo.ts';
import type { NetworkProfile } from '../../../analysis/graph/types.ts';
import { MAX_LINK_M } from '../../../analysis/siting/scenario-network.ts';
import type { Modification, Scenario } from '../../../analysis/siting/scenario-types.ts';
import type { MessageKey, MessageParams } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { LinkDrawing } from '../map/network-edit-layers.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import type { Interaction } from './use-scenario-workspace.tsx';
import type { ScenarioControl } from './use-scenarios.ts';

/**
 * The two map modes of street-network editing: draw a link (two clicks, each end snapped to the
 * walking network in the worker, the length following the pointer), close a road stretch (one
 * click; the worker checks it names a stretch before it is added). One edit per mode.
 */
export interface Notice {
  key: MessageKey;
  params?: MessageParams;
  /** Counts notices, so a repeated one is still a new answer (tests wait on it). */
  seq?: number;
}

export interface LinkDrawingState {
  click(point: [number, number]): void;
  hover(lon: number, lat: number): void;
  /** The link being drawn (first end to the pointer), for the map. */
  preview: LinkDrawing | null;
  /** Straight length from the first end to the pointer, metres. */
  lengthM: number | null;
  notice: Notice | null;
}

const ALL_NETWORKS: NetworkProfile[] = ['walk', 'ebike', 'drive'];

/** link-1, link-2, … : the first number no add-link or close-link of the scenario uses. */
export function nextLinkId(scenario: Pick<Scenario, 'modifications'>): string {
  const used = new Set(
    scenario.modifications.flatMap((m) =>
      m.kind === 'add-link' || m.kind === 'close-link' ? [m.id] : [],
    ),
  );
  let n = 1;
  while (used.has(`link-${n}`)) n++;
  return `link-${n}`;
}

export function useLinkDrawing(
  control: ScenarioControl,
  interaction: Interaction,
  setInteraction: (i: Interaction) => void,
): LinkDrawingState {
  const { locale } = useI18n();
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  const [notice, setShownNotice] = useState<Notice | null>(null);
  const seq = useRef(0);
  const setNotice = useCallback((n: Notice | null) => {
    setShownNotice(n === null ? null : { ...n, seq: ++seq.current });
  }, []);
  const latest = useRef({ interaction, control, locale });
  latest.current = { interaction, control, locale };
  const drawingFrom = interaction.kind === 'link' ? interaction.from : null;
  useEffect(() => {
    if (drawingFrom === null) setPointer(null);
  }, [drawingFrom]);
  const kind = interaction.kind;
  useEffect(() => {
    if (kind !== 'link' && kind !== 'close') setNotice(null);
  }, [kind, setNotice]);

  const hover = useCallback((lon: number, lat: number) => {
    const mode = latest.current.interaction;
    if (mode.kind === 'link' && mode.from !== null) setPointer([lon, lat]);
  }, []);

  const click = useCallback(
    (point: [number, number]) => {
      const mode = latest.current.interaction;
      const worker = analysisWorker();
      const add = (m: Modification) => {
        latest.current.control.apply(m);
        setNotice(null);
        setInteraction({ kind: 'idle' });
      };
      if (mode.kind === 'link') {
        void worker.scenarioSnapLinkEnd(point, 'walk').then((answer) => {
          if (!answer.ok) return setNotice({ key: 'net.offNetwork' });
          const end = answer.value;
          if (end === null) return setNotice({ key: 'net.offNetwork' });
          if (mode.from === null) {
            setNotice(null);
            setInteraction({ kind: 'link', from: end });
            return;
          }
          const metres = haversineM(mode.from[0], mode.from[1], end[0], end[1]);
          if (metres < 0.5) return setNotice({ key: 'net.sameEnd' });
          if (metres > MAX_LINK_M)
            return setNotice({
              key: 'net.tooLong',
              params: { m: Math.round(metres), max: MAX_LINK_M },
            });
          add({
            kind: 'add-link',
            id: nextLinkId(latest.current.control.scenario),
            linkType: 'passage',
            from: mode.from,
            to: end,
            networks: ['walk'],
          });
        });
        return;
      }
      if (mode.kind !== 'close') return;
      const candidate: Modification = {
        kind: 'close-link',
        id: nextLinkId(latest.current.control.scenario),
        networks: mode.networks === 'drive' ? ['drive'] : [...ALL_NETWORKS],
        at: point,
      };
      const lang = latest.current.locale === 'en' ? 'en' : 'zh';
      void worker
        .scenarioNetworkEdits({ modifications: [candidate] }, lang)
        .then((answer) =>
          answer.ok && answer.value.length === 1
            ? add(candidate)
            : setNotice({ key: 'net.noSegment' }),
        );
    },
    [setInteraction, setNotice],
  );

  const preview = useMemo(
    (): LinkDrawing | null => (drawingFrom === null ? null : { from: drawingFrom, to: pointer }),
    [drawingFrom, pointer],
  );
  const lengthM =
    drawingFrom === null || pointer === null
      ? null
      : haversineM(drawingFrom[0], drawingFrom[1], pointer[0], pointer[1]);
  return { click, hover, preview, lengthM, notice };
}
