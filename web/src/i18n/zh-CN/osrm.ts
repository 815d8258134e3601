/** Settings: the user's own OSRM server for driving and e-bike circles (Simplified Chinese). */
export const osrmZh = {
  'osrm.title': '自建路径服务（OSRM）',
  'osrm.enable': '驾车和电动自行车圈使用我的 OSRM 服务器',
  'osrm.note':
    '默认关闭：所有出行方式都按城市自带的路网计算。开启后，驾车和电动自行车的出行时间改由你填写的服务器计算。',
  'osrm.warning':
    '开启后，设施和人口网格的坐标会发送到该服务器，请求将离开本机。只填写你信任的服务器。',
  'osrm.url': '服务器地址',
  'osrm.urlInvalid': '请输入以 http:// 或 https:// 开头的地址',
  'osrm.profileDrive': '驾车使用的 OSRM 配置',
  'osrm.profileEbike': '电动自行车使用的 OSRM 配置',
  'osrm.test': '测试连接',
  'osrm.testing': '正在连接…',
  'osrm.testOk': '连接成功：驾车和电动自行车两种配置均可用。',
  'osrm.needTest': '保存前请先测试连接',
  'osrm.save': '保存服务器设置',
  'osrm.saved': '已保存：下一次分析起，驾车和电动自行车使用该服务器。',
  'osrm.off': '已关闭：全部按城市自带路网计算。',
  'osrm.cspBlocked':
    '本应用的安全策略不允许连接 {host}，浏览器会拒绝该请求。请由部署本应用的管理员在构建时把该地址加入允许列表（见 README）。',
  'osrm.error.E_BAD_OSRM_URL': '地址无效，请输入以 http:// 或 https:// 开头的地址。',
  'osrm.error.E_OSRM_UNREACHABLE':
    '无法连接 {host}：服务器未运行、地址或端口有误，或被网络、安全策略拦截。',
  'osrm.error.E_OSRM_PROFILE': '服务器 {host} 没有所填的配置，请检查驾车和电动自行车的配置名称。',
  'osrm.error.E_OSRM_TIMEOUT': '服务器 {host} 在 {seconds} 秒内没有响应。',
  'osrm.error.E_OSRM_RESPONSE': '服务器 {host} 的回复无法使用（格式不对或返回错误）。',
  'osrm.error.other': '测试失败，请检查地址后重试。',
} as const;
