/**
 * Chinese report strings (the default language): the chapters of a planning review document
 * (评审材料). en.ts provides the same keys. Sentences take their numbers as arguments, already
 * formatted, so that every renderer prints the same text.
 */
import { zhAnnex } from './zh-annex.ts';
import { fig, licenceName, see, sep, UNIT_LABELS } from './zh-format.ts';
import { zhProposal } from './zh-proposal.ts';

export type { MethodParams } from './zh-annex.ts';

export const zh = {
  title: '养老服务圈规划评审材料',
  subtitle: (city: string) => `${city}居家和社区养老服务设施覆盖评估与规划方案`,
  titleCity: '评估范围',
  titleProfile: '评估依据',
  titleDate: '编制日期',
  titleData: '数据性质',
  titleScenario: '规划方案',
  contents: '目  录',
  dataIllustrative: '设施名录为示例数据（非官方名录），仅用于演示方法',
  dataOfficial: '设施名录由使用单位提供',
  banner: '示例数据 · 设施名录非官方 · 仅供方法演示',
  illustrativeWarning:
    '重要提示：本材料所用设施名录为示例数据，并非民政部门官方名录，结论仅用于演示评估方法，不得作为决策依据。',
  footer: (city: string, profile: string) => `${city} · ${profile}`,
  licence: licenceName,
  subNo: (i: number) => `（${'一二三四五六七八九十'[i - 1] ?? i}）`,
  clauseNos: (nos: number[]) => `条款${nos.join('、')}`,
  figureCaption: (n: number, caption: string) => `图${n}  ${caption}`,
  listSeparator: sep,
  minutes: (m: number) => `${m}分钟`,
  sections: {
    overview: '一、概况',
    current: '二、现状评估',
    compliance: '三、标准符合性',
    proposal: '四、规划方案',
    effect: '五、方案效果',
    implementation: '六、实施安排',
    appendix: '附录',
  },
  key: {
    residents: '常住人口（人）',
    elders60: '60岁及以上老年人（人）',
    facilities: '养老服务设施（处）',
    coverageAt: (m: number) => `${m}分钟步行圈老年人覆盖率`,
    radius300: '300米路网步行覆盖率',
    m2PerResident: '人均设施建筑面积',
    bindingFailed: '约束性条款未达标',
    proposalAt: (m: number) => `方案实施后${m}分钟覆盖率`,
  },
  overview: {
    areaTitle: '（一）评估范围与对象',
    area: (
      city: string,
      streets: number,
      communities: number,
      residents: string,
      elders: string,
      share: string,
    ) =>
      `评估范围为${city}，划分为${streets}个街道级单元、${communities}个社区级单元。常住人口${residents}人，其中60岁及以上老年人${elders}人，占${share}。`,
    facilities: (count: string, area: string, types: string) =>
      `现有居家和社区养老服务设施${count}处，建筑面积合计${area}，其中${types}。`,
    typeCount: (type: string, n: number) => `${type}${n}处`,
    basisTitle: '（二）评估依据',
    basis: (doc: string, issuer: string, date: string, kind: string, clauses: number) =>
      `本次评估依据${doc}${issuer === '' ? '' : `（${issuer}${date === '' ? '' : `，${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日印发`}）`}，文件性质为${kind}。逐条核查其中可量化的${clauses}条条款，引文均摘自原文并注明出处。`,
    dataTitle: '（三）基础数据及其时点',
    dataHeader: ['数据', '来源', '时点', '说明'],
    dataRoads: '道路与建筑',
    roadsSource: (attribution: string, licence: string) =>
      `开放街道地图（${attribution}，${licence.replace('ODbL-1.0', '开放数据库许可协议 1.0')}）`,
    undated: '未注明',
    roadsNote: '用于计算步行可达时间、估算住宅建筑面积和描述站点位置',
    dataPopulation: '人口',
    populationSource: (year: number, area: string | null) =>
      `${year}年第七次全国人口普查${area === null ? '' : `（${area}）`}年龄结构与人均住房面积`,
    dataRegister: '设施名录',
    registerImported: (
      file: string,
      accepted: number,
      rejected: number,
      crs: string | null,
      outside: number,
    ) =>
      `使用单位导入的名录“${file}”：采用${accepted}条，剔除${rejected}条${outside > 0 ? `（其中${outside}条位于评估范围外）` : ''}；${crs === null ? '坐标为国际通用坐标（WGS-84），未经转换' : `坐标由${crs}转换为国际通用坐标（WGS-84）`}`,
    registerNote: (n: number) => `参与评估的设施${n}处`,
    dataUnits: '评估单元',
    unitsDerived: '由主要道路围合推导的规划单元（非法定行政界线）',
    unitsGiven: '使用单位提供的街道、社区界线',
    unitsNote: (n: number) => `共${n}个单元`,
    dataStandard: '评估依据',
    conclusionsTitle: '（四）主要结论',
  },
  conclusions: {
    allCovered: (m: number, share: string) =>
      `各时间阈值下老年人均处于步行可达范围内，${m}分钟步行圈覆盖率为${share}。`,
    coverage: (
      m: number,
      share: string,
      g: number,
      gShare: string,
      outside: string,
      worst: string,
      figNo: number,
    ) =>
      `${m}分钟步行圈覆盖${share}的老年人；短板在${g}分钟圈：仅覆盖${gShare}，圈外老年人${outside}人${worst === '' ? '' : `，主要分布在${worst}`}${fig(figNo)}。`,
    radius: (straight: string, network: string) =>
      `按300米服务半径计，直线距离覆盖${straight}的老年人，按实际路网步行仅覆盖${network}，绕行使实际服务范围明显小于图上半径。`,
    compliance: (
      binding: number,
      failed: number,
      names: string,
      benchmarks: number,
      notEvaluable: number,
    ) =>
      `约束性条款${binding}条，其中${failed}条未达标${names === '' ? '' : `（${names}等）`}${benchmarks > 0 ? `；另有标杆对照条款${benchmarks}条` : ''}${notEvaluable > 0 ? `；${notEvaluable}条因数据不足无法评估` : ''}。`,
    proposal: (
      name: string,
      m: number,
      before: string,
      after: string,
      points: string,
      gained: string,
      fixed: number,
      broken: number,
    ) =>
      `规划方案“${name}”对${m}分钟步行圈改善最大：覆盖率由${before}提高到${after}（${points}），新增覆盖老年人${gained}人${fixed > 0 ? `；${fixed}项核查由未达标转为达标` : ''}${broken > 0 ? `；${broken}项核查转为未达标` : ''}。`,
    proposalNoCoverage: (name: string, area: string, fixed: number, broken: number) =>
      `规划方案“${name}”未改变各时间阈值的覆盖率；设施建筑面积变化${area}${fixed > 0 ? `，${fixed}项核查由未达标转为达标` : ''}${broken > 0 ? `，${broken}项核查转为未达标` : ''}。`,
  },
  current: {
    coverageTitle: '（一）步行服务圈覆盖',
    thresholdShare: (m: number, share: string) => `${m}分钟${share}`,
    coverageText: (list: string, from: number, to: number, points: string, figNo: number) =>
      `按老年人实际步行速度在道路网络上计算，各时间阈值的老年人覆盖率为：${list}。覆盖率在${from}分钟至${to}分钟之间提升最多（${points}）${fig(figNo)}。`,
    coverageHeader: [
      '时间阈值',
      '覆盖老年人（人）',
      '覆盖率',
      '圈外老年人（人）',
      '常住人口覆盖率',
    ],
    stepsText: (list: string | null) =>
      list === null
        ? '不走台阶（轮椅、助行器使用者）计算时，各时间阈值的覆盖老年人数与步行相同：没有老年人的覆盖依赖台阶。'
        : `不走台阶（轮椅、助行器使用者，避开台阶及标注不可通行轮椅的路段）计算时，覆盖老年人减少：${list}。这些老年人的覆盖依赖台阶，失能、半失能老年人难以到达。`,
    stepsItem: (m: number, elders: string, share: string) => `${m}分钟${elders}人（${share}）`,
    radiusTitle: '（二）300米服务半径',
    radiusText: (
      straight: string,
      network: string,
      diff: string,
      minutes: string,
      detour: number,
    ) =>
      `以设施为圆心、300米为半径的直线服务范围覆盖${straight}的老年人；按路网步行300米（约${minutes}分钟）计仅覆盖${network}，相差${diff}人${detour > 0 ? `。其中${detour}处设施的路网可达范围不足直线范围的一半，受河道、围墙或封闭小区阻隔` : ''}。以上计入名录中全部类型的设施；标准条款只计条款所列的设施类型（见第三章），数值可能与此不同。`,
    unitsTitle: '（三）分街道、社区覆盖',
    unitsText: (figNo: number) =>
      `下表按街道（加粗）及其所辖社区列出各时间阈值的老年人覆盖率、300米路网覆盖率和人均设施建筑面积；老年人至最近设施的步行时间分布${see(figNo)}。`,
    unitHeader: '单元',
    eldersHeader: '老年人（人）',
    radiusHeader: '300米路网',
    areaHeader: '人均面积（平方米/人）',
    emptyUnits: (names: string) => `无居住人口的单元未列出：${names}。`,
    areaTitle: '（四）人均设施面积',
    areaText: (
      total: string,
      perCapita: string,
      required: string | null,
      none: number,
      lowest: string,
    ) =>
      `现有设施建筑面积合计${total}，折合人均${perCapita}${required === null ? '' : `，评估依据要求${required}`}。${none > 0 ? `${none}个社区级单元内没有任何养老服务设施；` : ''}${lowest === '' ? '' : `人均面积最低的社区为${lowest}。`}`,
    gapsTitle: '（五）短板分布',
    noGaps: (m: number) => `${m}分钟步行圈已覆盖全部老年人，未发现圈外老年人聚集区。`,
    unitOutside: (name: string, n: string) => `${name}（${n}人）`,
    gapsText: (m: number, total: string, units: number, top: string, share: string) =>
      `${m}分钟步行圈外共有老年人${total}人，分布在${units}个社区级单元，最多的是${top}，三者合计占圈外老年人的${share}。`,
    clustersText: (m: number, n: number, first: string, figNo: number) =>
      `${m}分钟圈外老年人连片分布形成${n}处聚集区（相邻网格连成一片计为一处，图${figNo}中按序号标注），规模最大的一处位于${first}。`,
    clustersHeader: ['序号', '位置', '所在单元', '老年人（人）', '网格数'],
  },
  compliance: {
    noUnits: '评估范围内没有该条款适用的单元或设施',
    intro: (
      total: number,
      passed: number,
      failed: number,
      interp: number,
      bench: number,
      ne: number,
      figNo: number,
    ) =>
      `共核查${total}条条款。约束性条款中达标${passed}条、未达标${failed}条${interp > 0 ? `（其中${interp}条为本工具对原文的推定口径）` : ''}；标杆对照条款${bench}条；无法评估${ne}条。各社区未达标核查项的数量${see(figNo)}。`,
    groupTitle: {
      text: '约束性条款',
      interpretation: '约束性条款（推定口径）',
      benchmark: '标杆对照条款',
      not_evaluable: '无法评估的条款',
    },
    groupNote: {
      text: '按原文字面要求核查，结论可直接引用。',
      interpretation:
        '原文未给出可直接计量的指标，本工具按下述推定口径量化，结论供参考，须经审查确认口径。',
      benchmark:
        '原文为“力争”“鼓励”等倡导性表述，或对本区域不具约束力，仅作标杆对照，不计入达标判断。',
      not_evaluable: '现有数据不足以判断是否达标，既不视为达标也不视为未达标。',
    },
    header: ['序号', '条款', '结论', '现状值', '要求值', '缺口'],
    notEvaluableHeader: ['序号', '条款', '无法评估的原因'],
    interpretationLabel: '推定口径',
    passedOf: (ok: number, n: number, scope: string) => `${ok}/${n}个${scope}达标`,
    allOf: (scope: string) => `全部${scope}`,
    failedCount: (n: number, scope: string) => `${n}个${scope}未达标`,
    source: '原文',
    sameQuote: (n: number) => `同条款${n}`,
    detailNone: (n: number) => `共核查${n}项，均达标。`,
    detailFailed: (n: number, failed: number, names: string, more: number) =>
      `共核查${n}项，未达标${failed}项：${names}${more > 0 ? `等（另有${more}处，详见电子表格“核查结果”）` : ''}。`,
  },
  coverage: { chartSeriesBaseline: '现状', chartSeriesScenario: '方案' },
  tables: { level: { street: '街道', community: '社区' } as Record<string, string> },
  findings: { pass: '达标', fail: '未达标', notEvaluable: '无法评估' },
  status: { pass: '达标', fail: '未达标', not_evaluable: '无法评估' } as Record<string, string>,
  scope: { city: '全域', street: '街道', community: '社区', site: '站点' } as Record<
    string,
    string
  >,
  level: { street: '街道', community: '社区' } as Record<string, string>,
  documentKinds: {
    standard: '地方规范性文件',
    report: '工作情况报告（其数字作为标杆对照）',
    national_standard: '国家标准',
  } as Record<string, string>,
  crs: { wgs84: '国际通用坐标（无需转换）', gcj02: '国测局加密坐标', bd09: '百度坐标' } as Record<
    string,
    string
  >,
  problems: { mclp: '最大覆盖老年人数', lscp: '最少站点全覆盖' } as Record<string, string>,
  solverStatus: {
    optimal: '已求得最优解',
    time_limit: '达到时间上限',
    feasible: '可行解',
    greedy: '贪心近似解',
    infeasible: '无可行解',
  } as Record<string, string>,
  unitLabel: (unit: string): string => {
    const per = /^m2\/(\d+) residents$/.exec(unit);
    if (per !== null) return `平方米/${per[1]}人`;
    return UNIT_LABELS[unit] ?? '';
  },
  units: {
    share: '',
    m2: '平方米',
    m2PerResident: '平方米/人',
    m2PerResidents: (n: number) => `平方米/${n}人`,
    m2Per100Households: '平方米/百户',
    elders60: '名老年人',
    elders65: '名65岁以上老人',
    elders80: '名80岁以上老人',
    residents: '人',
    sites: '处',
    units: '个单元',
    floor: '层',
    people: '人',
    mps: '米/秒',
  },
  method: {
    populationModel: (method: string): string =>
      method === 'dasymetric-floor-area'
        ? '按建筑轮廓与层数估算住宅建筑面积，结合人口普查人均住房面积与年龄结构分配到网格（估算值，非普查计数）'
        : method === 'user-supplied'
          ? '使用单位提供的网格人口'
          : '无人口模型',
  },
  facilityTypes: {
    street_center: '街道综合养老服务中心',
    community_station: '社区养老服务站',
    day_care: '日间照料中心',
    embedded_institution: '嵌入式养老机构',
    neighbourhood_point: '养老睦邻点',
    care_post: '养老驿站',
    meal_point: '老年助餐点',
  } as Record<string, string>,
  travel: {
    'walk-elderly': '老年人步行',
    walk: '步行',
    ebike: '电动自行车',
    drive: '驾车',
  } as Record<string, string>,
  siteStates: {
    existing: '现状保留',
    new: '新增',
    moved: '迁址',
    resized: '调整规模',
    closed: '撤并',
    proposed: '优化推荐',
  } as Record<string, string>,
  ...zhProposal,
  ...zhAnnex,
};

export type Catalogue = typeof zh;
