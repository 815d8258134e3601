/**
 * Chinese report strings (the default language): the chapters of a planning review document
 * (评审材料). en.ts provides the same keys. Sentences take their numbers as arguments, already
 * formatted, so that every renderer prints the same text.
 */
const sep = '、';
const fig = (n: number) => (n > 0 ? `（见图${n}）` : '');
const see = (n: number) => (n > 0 ? `见图${n}` : '从略');
const UNIT_LABELS: Record<string, string> = {
  share: '比例',
  m2: '平方米',
  'm2/resident': '平方米/人',
  'm2/100 households': '平方米/百户',
  elders60: '人（60岁及以上）',
  elders65: '人（65岁及以上）',
  elders80: '人（80岁及以上）',
  residents: '人',
  sites: '处',
  units: '个单元',
  floor: '层',
};

/** Licence ids as Chinese documents name them. */
const licenceName = (id: string) => (id === 'ODbL-1.0' ? '开放数据库许可协议（ODbL 1.0）' : id);

export interface MethodParams {
  walkingSpeed: string;
  resolution: number;
  thresholds: string;
  radiusMinutes: string;
  populationMethod: string | null;
  share60: string | null;
  householdSize: string;
  perCapitaFloor: string | null;
  areaBasis: 'land' | 'floor';
  sfcaMinutes: number;
  gapMinutes: number;
  effectMinutes: number;
}

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
  proposal: {
    none: '本次未提出规划方案。',
    intro: (
      name: string,
      added: number,
      moved: number,
      resized: number,
      closed: number,
      m: number,
    ) =>
      `规划方案“${name}”${[added > 0 ? `新增站点${added}处` : '', moved > 0 ? `迁址${moved}处` : '', resized > 0 ? `调整规模或类型${resized}处` : '', closed > 0 ? `撤并${closed}处` : ''].filter((x) => x !== '').join('，') || '未调整站点'}。下表逐一列出各站点的位置、类型、面积及在${m}分钟步行圈内新增服务的老年人。`,
    optimiser: (
      problem: string,
      m: number,
      status: string,
      sites: number,
      covered: string,
      gap: string,
    ) =>
      `方案由选址优化生成：以${problem}为目标，按${m}分钟步行圈求解（${status}），选出站点${sites}处，新增覆盖老年人${covered}人，与理论上界相差${gap}。`,
    speed: (v: number) => `老年人步行速度按${v}米/秒计`,
    profile: (name: string) => `评估依据改为${name}`,
    travel: (name: string) => `出行方式改为${name}`,
    recommended: (n: number, m: number, problem: string, covered: string) =>
      `另附选址优化推荐站点${n}处（${m}分钟步行圈，${problem}），预计新增覆盖老年人${covered}人。`,
    header: ['序号', '站点名称', '位置', '类型', '建筑面积（平方米）', '新增服务老年人', '性质'],
    servedHeader: (m: number) => `${m}分钟新增服务老年人（人）`,
    servedNote: (m: number) =>
      `新增服务老年人：方案实施后新进入${m}分钟步行圈的网格，按直线距离归入最近的新增或迁址站点后合计，为归属估算。`,
    networkIntro: (links: number, closed: number) =>
      `方案同时调整路网：${[links > 0 ? `新增连通道路${links}处` : '', closed > 0 ? `封闭路段${closed}处` : ''].filter((x) => x !== '').join('，')}，见下表。`,
    networkHeader: (m: number) => [
      '序号',
      '路网修改',
      '长度（米）',
      '位置',
      '造价（万元）',
      `${m}分钟新增覆盖老年人（人）`,
    ],
    networkKinds: { 'add-link': '新增连通道路', 'close-link': '封闭路段' },
    networkFor: { walk: '步行', ebike: '电动自行车', drive: '驾车' },
    networkNote: (m: number) =>
      `新增覆盖老年人：去掉该项修改后方案在${m}分钟步行圈内覆盖的老年人减少的人数（逐项计算）；未填造价的记为“—”。`,
  },
  effect: {
    none: '本次未提出规划方案，无方案效果。',
    largest: (
      m: number,
      before: string,
      after: string,
      points: string,
      gained: string,
      figNo: number,
    ) =>
      `方案对${m}分钟步行圈的改善最大：老年人覆盖率由${before}提高到${after}（${points}），新增覆盖老年人${gained}人${fig(figNo)}。`,
    otherChange: (m: number, before: string, after: string, points: string) =>
      `${m}分钟由${before}变为${after}（${points}）`,
    others: (moved: string, still: string, share: string) =>
      `其他阈值：${[moved, still === '' ? '' : `${still}保持${share}`].filter((x) => x !== '').join('；')}。`,
    noCoverageChange: (figNo: number) => `方案未改变任何时间阈值的老年人覆盖率${fig(figNo)}。`,
    units: (m: number, list: string, n: number) =>
      `${m}分钟步行圈内老年人变化最大的社区为${list}，共${n}个社区受益或受影响。`,
    unitGain: (name: string, signed: string) => `${name}（${signed}人）`,
    tableTitle: '（一）方案前后主要指标',
    header: ['指标', '现状', '方案', '变化'],
    flipsTitle: '（二）核查结论发生变化的条款',
    noFlips: '方案未改变任何核查项的结论。',
    flips: (fixed: number, broken: number) =>
      `方案实施后，${fixed}项核查由未达标转为达标${broken > 0 ? `，${broken}项转为未达标` : ''}。`,
    flipsHeader: ['条款', '对象', '现状', '方案'],
    rowCoverage: (m: number) => `${m}分钟步行圈覆盖率`,
    rowRadiusStraight: '300米直线覆盖率',
    rowRadiusNetwork: '300米路网覆盖率',
    rowFacilities: '设施数量（处）',
    rowFloorArea: '设施建筑面积',
    rowM2PerResident: '人均设施建筑面积',
    rowFailed: '未达标核查项',
  },
  implementation: {
    none: (n: number) =>
      `未提供实施项目库（年度任务、投资与补助），本章从略。${n > 0 ? `规划方案所列${n}处站点的建设年度、投资和补助，应在导入项目库后补充。` : ''}`,
    unscheduled: '未排期',
    total: '合计',
    intro: (years: number, sites: string, cost: string, busiest: string, busiestCost: string) =>
      `实施安排分${years}个年度，共建设站点${sites}处，总投资${cost}万元；投资最多的年度为${busiest}（${busiestCost}万元）。`,
    header: [
      '年度',
      '主要任务',
      '站点（处）',
      '投资（万元）',
      '补助承诺（万元）',
      '补助已拨付（万元）',
      '地方配套（万元）',
    ],
    withoutCost: (n: number) => `另有${n}处站点尚无投资估算，未计入合计。`,
  },
  appendix: {
    methodTitle: '附录一  评估方法说明',
    method: (p: MethodParams): [string, string][] => [
      [
        '1. 人口',
        p.populationMethod === 'dasymetric-floor-area'
          ? `人口按建筑分配：以开放街道地图的建筑轮廓和层数估算住宅建筑面积，除以人口普查人均住房建筑面积${p.perCapitaFloor === null ? '' : `（${p.perCapitaFloor}平方米/人）`}得到各建筑常住人口，再按普查年龄结构${p.share60 === null ? '' : `（60岁及以上占${p.share60}%）`}推算老年人，汇总到分辨率${p.resolution}的六边形网格。该结果为模型估算值，不是普查计数；同一年龄结构用于全域，不反映小区之间的差异。户数按户均${p.householdSize}人推算。`
          : p.populationMethod === 'user-supplied'
            ? `人口采用使用单位提供的网格人口数据，汇总到分辨率${p.resolution}的六边形网格。户数缺省时按户均${p.householdSize}人推算。`
            : '本次评估未使用人口模型。',
      ],
      [
        '2. 步行可达时间',
        `以每处设施为起点，在实际道路网络上按老年人步行速度${p.walkingSpeed}米/秒计算到达各网格中心的时间（网格中心至最近道路的距离按同一速度计入），取最近设施的时间判断是否在${p.thresholds}步行圈内。与直线缓冲区不同，河道、铁路、围墙和封闭小区造成的绕行均计入。`,
      ],
      [
        '3. 300米服务半径',
        `同时按直线距离300米和路网步行300米（约${p.radiusMinutes}分钟）两种口径统计覆盖率，两者之差反映绕行对实际服务范围的影响。`,
      ],
      [
        '4. 人均面积与供需比',
        `人均设施面积为设施${p.areaBasis === 'land' ? '用地面积（名录无用地面积时以建筑面积代替）' : '建筑面积'}除以常住人口。供需比采用两步移动搜索法：每处设施的建筑面积按其${p.sfcaMinutes}分钟步行范围内的老年人分摊，再为每个网格累加可达设施的份额。`,
      ],
      [
        '5. 条款核查',
        '每条条款的要求值、计量单位和适用范围取自评估依据原文，结论分为达标、未达标和无法评估三类：数据不足以判断时记为无法评估，不视为达标。原文为倡导性表述或对本区域不具约束力的条款作为标杆对照；原文未给出可直接计量指标的条款，按注明的推定口径量化。',
      ],
      [
        '6. 短板与方案效果',
        `短板按仍有老年人在圈外的最短时间阈值（本次为${p.gapMinutes}分钟）分析，相邻的圈外网格连成一片计为一处聚集区，位置以最近的道路交叉口和所在单元描述。方案效果在方案改变覆盖率最多的时间阈值（本次为${p.effectMinutes}分钟）作图对比，其余阈值列表说明；新增服务老年人按最近站点归属估算。`,
      ],
    ],
    sourcesTitle: '附录二  数据来源与许可',
    sourcesHeader: ['数据', '来源', '许可或性质'],
    sourceRoads: '道路',
    sourceBuildings: '建筑',
    sourcePopulation: '人口结构',
    sourceRegister: '设施名录',
    sourceStandard: '评估依据',
    sourceSoftware: '计算工具',
    osmSource: (file: string, date: string | null) =>
      `开放街道地图数据摘录（文件 ${file}${date === null ? '' : `，${date}`}）`,
    censusSource: (year: number, area: string | null) =>
      `${year}年第七次全国人口普查${area === null ? '' : `（${area}）`}`,
    publicStatistics: '公开统计资料',
    registerFile: (name: string) => `使用单位导入的名录（文件 ${name}）`,
    illustrativeLicence: '示例数据，仅供方法演示',
    userLicence: '由使用单位提供并负责',
    officialText: '政府公开文件',
    software: 'CareCircle 养老服务圈规划工具（本机离线计算）',
    softwareLicence: '开源软件',
    parametersTitle: '附录三  运行参数',
    parametersHeader: ['参数', '取值'],
    pProfile: '评估依据',
    pWalkingSpeed: '老年人步行速度（现状）',
    speedValue: (v: string) => `${v}米/秒`,
    pThresholds: '时间阈值',
    pResolution: '空间网格',
    resolutionValue: (res: number) => `六边形网格，分辨率${res}`,
    pHousehold: '户均人口',
    householdValue: (v: string) => `${v}人/户`,
    pAreaBasis: '人均面积口径',
    areaLand: '用地面积（缺省以建筑面积代替）',
    areaFloor: '建筑面积',
    pSfca: '供需比搜索范围',
    pClusters: '短板分析阈值',
    pDate: '编制日期',
    pScenario: '规划方案',
    pScenarioSpeed: '老年人步行速度（方案）',
    pOptimiser: '选址优化',
    optimiserValue: (problem: string, minutes: string, status: string, gap: string) =>
      `${problem}，${minutes}步行圈，${status}，与上界差距${gap}%`,
    idsTitle: '附录四  站点与网格编号对照',
    idsNote: '编号供与数据文件、地理信息系统图层对照使用；聚集区序号与第二章（五）表中序号一致。',
    idsHeader: ['类别', '名称', '编号'],
    idSite: '规划站点',
    idCluster: '圈外聚集区',
    clusterName: (rank: number) => `聚集区${rank}`,
  },
  maps: {
    mainRoad: '主要道路',
    streetBoundary: '街道级单元界线',
    communityBoundary: '社区级单元界线',
    attribution: (text: string) => `底图数据 ${text}`,
    within: (m: number) => `${m}分钟以内`,
    between: (a: number, b: number) => `${a}～${b}分钟`,
    beyond: (m: number) => `${m}分钟以上`,
    unreached: '不可达',
    cluster: (m: number) => `${m}分钟圈外聚集区（编号同表）`,
    minutesTitle: '至最近设施步行时间',
    facilitiesTitle: '设施类型',
    baseTitle: '底图',
    coverage: '老年人至最近养老服务设施的步行时间',
    compliance: '各社区未达标核查项数量与设施分布',
    failedTitle: '社区未达标核查项',
    failedCount: (n: string) => `${n}项`,
    before: (m: number) => `现状（${m}分钟）`,
    after: (m: number) => `方案（${m}分钟）`,
    effect: (m: number) => `规划方案实施前后${m}分钟步行圈覆盖对比`,
    coverTitle: (m: number) => `${m}分钟步行圈`,
    covered: '圈内',
    uncovered: '圈外',
    gained: '方案新增覆盖',
    lost: '方案失去覆盖',
    sitesTitle: '站点',
    newSite: '新增或迁址站点',
    missingImage: '（本文件未嵌入图片：生成时未找到浏览器组件，请参阅PDF版本。）',
  },
  chart: {
    baseline: '现状',
    scenario: '方案',
    xAxis: '步行时间阈值',
    caption: '各时间阈值老年人覆盖率',
  },
  /** Names the GIS export (analysis/export) reads from this catalogue. */
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
  sheets: {
    summary: '概要',
    summaryHeader: ['指标', '现状', '方案'],
    residents: '常住人口（人）',
    elders60: '60岁及以上老年人（人）',
    facilityCount: '设施数量（处）',
    floorArea: '建筑面积（平方米）',
    m2PerResident: '人均建筑面积（平方米/人）',
    thresholds: '分阈值对比',
    thresholdsHeader: [
      '时间阈值（分钟）',
      '现状覆盖老年人（人）',
      '现状覆盖率',
      '方案覆盖老年人（人）',
      '方案覆盖率',
      '变化',
    ],
    units: '分单元',
    unitId: '单元编号',
    unitName: '单元名称',
    level: '层级',
    parent: '所属街道',
    coverageAt: (m: number) => `${m}分钟覆盖率`,
    scenarioCoverageAt: (m: number) => `方案${m}分钟覆盖率`,
    radius300: '300米路网覆盖率',
    failed: '未达标核查项',
    sites: '分站点',
    siteId: '站点编号',
    siteName: '站点名称',
    siteType: '类型',
    siteState: '方案性质',
    location: '位置',
    beds: '床位（张）',
    floor: '所在楼层',
    findings: '核查结果',
    findingsHeader: [
      '条款',
      '范围',
      '对象',
      '现状结论',
      '方案结论',
      '约束性',
      '口径',
      '现状值',
      '要求值',
      '计量单位',
      '缺口',
      '缺口单位',
      '依据文件',
      '条文位置',
      '原文',
      '无法评估原因',
    ],
    binding: '约束性',
    benchmark: '标杆对照',
    interpretation: '推定',
    text: '原文',
    proposed: '规划站点',
    unit: '所在单元',
    servedAt: (m: number) => `${m}分钟新增服务老年人（人）`,
    lon: '经度',
    lat: '纬度',
  },
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
};

export type Catalogue = typeof zh;
