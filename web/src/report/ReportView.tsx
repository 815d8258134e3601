import { useState } from 'react';
import type { ReportLang } from '../../../analysis/report/types.ts';
import type { CityData } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ScenarioControl } from '../scenario/use-scenarios.ts';
import { analysisWorker } from '../worker/analysis-client.ts';
import { downloadBytes, figuresToPng, printHtml } from './rasterise.ts';
import type { ReportFiles } from './report-api.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Committee report of the baseline and the active scenario, generated locally. */
export function ReportView({ control, city }: { control: ScenarioControl; city: CityData }) {
  const { t, locale } = useI18n();
  const [lang, setLang] = useState<ReportLang>(locale === 'en' ? 'en' : 'zh');
  const [files, setFiles] = useState<ReportFiles | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const stem = `${city.manifest.name}-${control.scenario.name ?? 'scenario'}`;

  const build = async (): Promise<ReportFiles> => {
    // The worker gathers the report input itself (the city it opened, the scenario's origin).
    const answer = await analysisWorker().scenarioReport({
      lang,
      generatedOn: new Date().toISOString().slice(0, 10),
      scenario: control.scenario,
      ...(city.register === undefined ? {} : { register: city.register }),
    });
    if (!answer.ok) throw new Error(answer.error.message);
    setFiles(answer.value);
    return answer.value;
  };
  const run = (work: (f: ReportFiles) => Promise<void> | void) => {
    setBusy(true);
    setError(null);
    build()
      .then(work)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  const docx = async (f: ReportFiles) => {
    const pngs = await figuresToPng(f.figures);
    const answer = await analysisWorker().scenarioReportDocx(pngs);
    if (!answer.ok) throw new Error(answer.error.message);
    downloadBytes(`${stem}.docx`, answer.value, DOCX);
  };
  return (
    <section className="scenario-section">
      <label>
        {t('report.lang')}{' '}
        <select value={lang} onChange={(e) => setLang(e.target.value as ReportLang)}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <p className="scenario-muted">{t('report.note')}</p>
      <div className="scenario-row">
        <button type="button" disabled={busy} data-testid="report-docx" onClick={() => run(docx)}>
          Word
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="report-preview-open"
          onClick={() => run((f) => setPreview(f.html))}
        >
          {t('report.preview')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="report-pdf"
          onClick={() => run((f) => printHtml(f.html))}
        >
          {t('report.print')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="report-xlsx"
          onClick={() => run((f) => downloadBytes(`${stem}.xlsx`, f.xlsx, XLSX))}
        >
          Excel (.xlsx)
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="report-geojson"
          onClick={() =>
            run((f) => {
              downloadBytes(`${stem}-circles.geojson`, f.circles, 'application/geo+json');
              downloadBytes(`${stem}-sites.geojson`, f.sites, 'application/geo+json');
            })
          }
        >
          GeoJSON
        </button>
      </div>
      {busy && <p className="scenario-muted">{t('scenario.running')}</p>}
      {files !== null && !busy && (
        <p className="scenario-muted" data-testid="report-ready">
          {t('report.ready', { n: files.figures.length })}
        </p>
      )}
      {error !== null && <p className="scenario-error">{error}</p>}
      {preview !== null && (
        // The page the print button prints, as it prints: the same HTML and stylesheet.
        <iframe
          className="report-preview"
          data-testid="report-preview"
          title={t('report.preview')}
          srcDoc={preview}
          style={{ width: '100%', height: '70vh', border: '1px solid #ccc', background: '#fff' }}
        />
      )}
    </section>
  );
}
