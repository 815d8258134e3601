import { BranchesOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import type { SuggestLinksResult } from '../../../analysis/siting/suggest-links.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { analysisWorker } from '../worker/analysis-client.ts';
import { type Notice, nextLinkId } from './link-drawing.ts';
import type { Interaction } from './use-scenario-workspace.tsx';
import type { ScenarioControl } from './use-scenarios.ts';

/**
 * Street-network editing in the scenario panel: the draw-a-link and close-a-road modes (with a
 * clear indicator and the hint of the step the user is at) and 建议连通, the CLI's
 * suggest-links run in the worker on the active scenario; one click adds a suggestion.
 */
export function NetworkEditsView({
  control,
  interaction,
  setInteraction,
  notice,
  pointerLengthM,
}: {
  control: ScenarioControl;
  interaction: Interaction;
  setInteraction(i: Interaction): void;
  notice: Notice | null;
  pointerLengthM: number | null;
}) {
  const { t, formatNumber } = useI18n();
  const [closeFor, setCloseFor] = useState<'all' | 'drive'>('all');
  const thresholds = control.baselineNumbers?.thresholds ?? [5, 10, 15];
  const [minutes, setMinutes] = useState<number | null>(null);
  const [maxLengthM, setMaxLengthM] = useState(60);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SuggestLinksResult | null>(null);
  const [added, setAdded] = useState<Set<number>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const threshold = minutes ?? thresholds[0];
  const linking = interaction.kind === 'link';
  const closing = interaction.kind === 'close';
  const suggest = () => {
    setBusy(true);
    setAdded(new Set());
    analysisWorker()
      .scenarioSuggestLinks(
        { modifications: control.scenario.modifications },
        { minutes: threshold, maxLengthM, count: 5 },
      )
      .then((answer) => {
        if (answer.ok) {
          setResult(answer.value);
          setError(null);
        } else setError(answer.error.message);
      })
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="scenario-section" data-testid="network-edits">
      <h4>{t('net.heading')}</h4>
      <div className="scenario-row">
        <Button
          size="small"
          type={linking ? 'primary' : 'default'}
          icon={<BranchesOutlined aria-hidden="true" />}
          aria-pressed={linking}
          data-testid="net-draw-link"
          onClick={() => setInteraction(linking ? { kind: 'idle' } : { kind: 'link', from: null })}
        >
          {t('net.drawLink')}
        </Button>
        <Button
          size="small"
          type={closing ? 'primary' : 'default'}
          icon={<StopOutlined aria-hidden="true" />}
          aria-pressed={closing}
          data-testid="net-close-road"
          onClick={() =>
            setInteraction(closing ? { kind: 'idle' } : { kind: 'close', networks: closeFor })
          }
        >
          {t('net.closeRoad')}
        </Button>
        <span className="scenario-field">
          {t('net.closeFor')}
          <Select
            size="small"
            aria-label={t('net.closeFor')}
            data-testid="net-close-for"
            value={closeFor}
            onChange={(v: 'all' | 'drive') => {
              setCloseFor(v);
              if (closing) setInteraction({ kind: 'close', networks: v });
            }}
            options={(['all', 'drive'] as const).map((v) => ({
              value: v,
              label: t(`net.closeFor.${v}`),
            }))}
          />
        </span>
      </div>
      {(linking || closing) && (
        <div className="scenario-hint" data-testid="net-mode" data-mode={interaction.kind}>
          <Tag color={linking ? 'green' : 'red'}>
            {t(linking ? 'net.mode.link' : 'net.mode.close')}
          </Tag>
          {interaction.kind === 'link' &&
            (interaction.from === null
              ? t('net.hint.linkFirst')
              : pointerLengthM === null
                ? t('net.hint.linkSecondNoPointer')
                : t('net.hint.linkSecond', { m: formatNumber(Math.round(pointerLengthM)) }))}
          {closing && t('net.hint.close')}
          {interaction.kind === 'link' && interaction.from !== null && (
            <span
              data-testid="net-drawing-length"
              data-value={pointerLengthM === null ? '' : String(pointerLengthM)}
              hidden
            />
          )}
        </div>
      )}
      {notice !== null && (
        <Alert
          type="warning"
          showIcon
          title={t(notice.key, notice.params)}
          data-testid="net-notice"
          data-seq={notice.seq}
        />
      )}
      <div className="scenario-row">
        <Button size="small" onClick={suggest} loading={busy} data-testid="net-suggest">
          {busy ? t('net.suggest.running') : t('net.suggest')}
        </Button>
        <span className="scenario-field">
          {t('net.suggest.minutes')}
          <Select
            size="small"
            aria-label={t('net.suggest.minutes')}
            value={threshold}
            onChange={setMinutes}
            options={thresholds.map((m) => ({
              value: m,
              label: t('scenario.live.minutes', { n: m }),
            }))}
          />
        </span>
        <span className="scenario-field">
          {t('net.suggest.maxLength')}
          <InputNumber
            controls={false}
            size="small"
            aria-label={t('net.suggest.maxLength')}
            min={2}
            max={500}
            value={maxLengthM}
            onChange={(v) => setMaxLengthM(typeof v === 'number' ? v : 60)}
          />
        </span>
      </div>
      {error !== null && <p className="scenario-error">{error}</p>}
      {result !== null && (
        <div data-testid="net-suggestions" data-minutes={result.minutes}>
          {result.links.length === 0 ? (
            <p className="scenario-muted">{t('net.suggest.none')}</p>
          ) : (
            <>
              <p className="scenario-muted">
                {t('net.suggest.summary', {
                  n: result.links.length,
                  candidates: formatNumber(result.candidates),
                  bound: formatNumber(Math.round(result.upperBoundGain)),
                })}
              </p>
              <ol className="scenario-mods">
                {result.links.map((link, k) => (
                  <li
                    key={`${link.from.join()}-${link.to.join()}`}
                    data-testid="net-suggestion"
                    data-gain={String(link.gainElders)}
                  >
                    {t('net.suggest.item', {
                      k: k + 1,
                      m: formatNumber(Math.round(link.lengthM)),
                      minutes: result.minutes,
                      n: formatNumber(Math.round(link.gainElders)),
                    })}{' '}
                    <Button
                      size="small"
                      type="link"
                      disabled={added.has(k)}
                      data-testid="net-suggestion-add"
                      onClick={() => {
                        const m = result.modifications[k];
                        control.apply({ ...m, id: nextLinkId(control.scenario) });
                        setAdded((s) => new Set([...s, k]));
                      }}
                    >
                      {added.has(k) ? t('net.suggest.added') : t('net.suggest.add')}
                    </Button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  );
}
