import texts from '../../data/standards/texts/texts.json';

/**
 * The documents profiles cite. Those whose text ships with the project (data/standards/texts/)
 * can have every quote checked; national standards are not public-domain texts, so citations of
 * them give clause numbers and stay unverified with the reason below.
 */
export type DocumentKind = 'standard' | 'report' | 'national_standard';

export interface CitedDocument {
  id: string;
  title: string;
  /** Document number when it has one, e.g. 怀政办函〔2020〕25号. */
  number?: string;
  issuer: { zh: string; en: string };
  date?: string;
  /** 'report': a report of results (工作情况的报告), not a standard. */
  kind: DocumentKind;
}

export const DOCUMENTS: Record<string, CitedDocument> = {
  'huaihua-2020': {
    id: 'huaihua-2020',
    title: '怀化市居家和社区养老服务改革试点工作实施方案',
    number: '怀政办函〔2020〕25号',
    issuer: { zh: '怀化市人民政府办公室', en: 'General Office, Huaihua Municipal Government' },
    date: '2020-05-13',
    kind: 'standard',
  },
  'haining-2024': {
    id: 'haining-2024',
    title: '海宁市村(社区)居家养老服务照料中心增效提质及养老睦邻点建设项目实施方案',
    issuer: {
      zh: '海宁市民政局、海宁市财政局',
      en: 'Haining Civil Affairs Bureau and Finance Bureau',
    },
    date: '2024-04-18',
    kind: 'standard',
  },
  'shanxi-2023': {
    id: 'shanxi-2023',
    title: '山西省基本养老服务体系建设实施方案',
    issuer: { zh: '山西省人民政府办公厅', en: 'General Office, Shanxi Provincial Government' },
    date: '2023-06-05',
    kind: 'standard',
  },
  'province-plan': {
    id: 'province-plan',
    title: '养老托育健康服务发展实施方案',
    issuer: {
      zh: '发布机关未在文本中写明（文中兼有“我省”“全市”的表述）',
      en: 'issuer not named in the text (it says both 我省 and 全市)',
    },
    kind: 'standard',
  },
  'province-report': {
    id: 'province-report',
    title: '关于推进居家社区养老服务工作情况的报告',
    issuer: {
      zh: '某省人民政府向省人大常委会所作报告（文本未写省名）',
      en: "a provincial government's report to its people's congress standing committee (province not named)",
    },
    kind: 'report',
  },
  'gb50180-2018': {
    id: 'gb50180-2018',
    title: '城市居住区规划设计标准',
    number: 'GB 50180-2018',
    issuer: {
      zh: '中华人民共和国住房和城乡建设部',
      en: 'Ministry of Housing and Urban-Rural Development',
    },
    kind: 'national_standard',
  },
};

const TEXTS: Readonly<Record<string, string>> = texts;

/** The shipped text of a document, or undefined when the project does not ship it. */
export function documentText(id: string): string | undefined {
  return TEXTS[id];
}

export function documentLabel(id: string): string {
  const doc = DOCUMENTS[id];
  if (doc === undefined) return id;
  return doc.number === undefined ? `《${doc.title}》` : `${doc.number}《${doc.title}》`;
}
