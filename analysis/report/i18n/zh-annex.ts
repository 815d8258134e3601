/** What the method appendix is told (figures already formatted). */
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

/** Chinese report strings: the appendix, map and chart captions, and the workbook sheets. */
export const zhAnnex = {
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
};
