import type { Bilingual, FindingStatus, Scope, Severity } from '../vocabulary.ts';

export interface Finding {
  rule: string;
  kind: string;
  /** The rule's title in Chinese (CSV and older readers). */
  title: string;
  /** The rule's title in both languages (the UI shows the active one). */
  titles?: Bilingual;
  scope: Scope;
  unitId: string | null;
  siteId: string | null;
  /** Names of the site and unit (the UI and report show names, never ids); null when unknown. */
  siteName?: string | null;
  unitName?: string | null;
  status: FindingStatus;
  /** Why the finding is not evaluable; null when it is evaluated. */
  statusReason: Bilingual | null;
  /** False: a benchmark (标杆对照), shown apart from binding findings. */
  binding: boolean;
  /** True only when status is 'pass'. */
  pass: boolean;
  value: number | null;
  required: number;
  shortfall: number;
  /** Unit of value/required and of shortfall, e.g. share/elders, m2/m2, sites. */
  valueUnit: string;
  shortfallUnit: string;
  severity: Severity;
  /** Document, locator and quote in one line (CSV and plain-text readers). */
  citation: string;
  /** Id of the cited document (analysis/standards/documents.ts). */
  document: string;
  /** The clause's own sentence, verbatim from the official text. */
  quote: string;
  /** Where the sentence stands in the document, e.g. 三、主要目标. */
  locator: string;
  /** 'interpretation': the rule is the project's reading (推定) of the quote. */
  basis: 'text' | 'interpretation';
  interpretationReason: Bilingual | null;
  /** The quote was found in the document's text (derived by the citation check). */
  verified: boolean;
  /** Notes in both languages: the row's own and the rule's. */
  notes: Bilingual[];
  /** The notes in English, joined (findings.csv). */
  note: string | null;
}
