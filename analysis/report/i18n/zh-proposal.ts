import { fig } from './zh-format.ts';

/** Chinese report strings: the proposal, its effect and its implementation (chapters 4–6). */
export const zhProposal = {
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
};
