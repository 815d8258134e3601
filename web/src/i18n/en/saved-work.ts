import type { savedWorkZh } from '../zh-CN/saved-work.ts';

export const savedWorkEn: Record<keyof typeof savedWorkZh, string> = {
  'notice.close': 'Close',
  'save.quota': 'Browser storage is full: {what} could not be saved',
  'save.quotaHint':
    'What was saved before is unchanged; the latest changes exist only in this page and are lost on reload. Use “{action}” to keep them as a file, then clear this site’s data in the browser and try again.',
  'save.quotaHintNoExport':
    'What was saved before is unchanged; the latest changes exist only in this page and are lost on reload. Clear this site’s data in the browser and try again.',
  'save.failed': '{what} could not be saved',
  'save.failedHint':
    'The browser refused to write to local storage; these changes are lost on reload.',
  'save.failedHintExport':
    'The browser refused to write to local storage. Use “{action}” to keep them as a file.',
  'save.scenarios': 'the latest changes to scenario “{name}” ({n} scenarios)',
  'save.exportScenario': 'Export the current scenario (JSON)',
  'save.register': 'the imported data',
  'save.city': 'the city “{name}” built here',
  'save.programme': 'programme statuses and targets',
  'undo.action': 'Undo',
  'undo.scenarioRemoved': 'Scenario “{name}” deleted',
  'undo.registerReset': 'Original data restored; the imported data was removed',
  'undo.registerReplaced': '“{file}” replaced the earlier import “{previous}”',
  'undo.registerKept': 'Every scenario is kept and was checked again against the register shown.',
  'scenario.kept.title': '{n} scenario(s) no longer fit the register shown: kept, not evaluated',
  'scenario.kept.at': 'change {n} ({kind}): {reason}',
  'scenario.kept.other': 'it cannot be evaluated with the data shown',
  'scenario.kept.kind.add-site': 'add site',
  'scenario.kept.kind.move-site': 'move site',
  'scenario.kept.kind.resize-site': 'resize',
  'scenario.kept.kind.retype-site': 'change type',
  'scenario.kept.kind.close-site': 'close site',
  'scenario.kept.kind.add-link': 'add road link',
  'scenario.kept.kind.other': 'other change',
  'scenario.kept.kind.close-link': 'close road',
  'scenario.kept.kind.set-barrier': 'barriers and gates',
  'scenario.kept.kind.set-walking-speed': 'walking speed',
  'scenario.kept.kind.set-profile': 'change standard',
  'scenario.kept.kind.set-travel-profile': 'travel mode',
  'city.note.driveOnly':
    'The walk and e-bike networks are identical ({nodes} nodes, {edges} edges): the extract holds car roads only, without footways or paths, so walking times follow the roads. Use an OSM extract with every way.',
  'cities.heading': 'Cities',
  'cities.served': 'Demo city (shipped with the app)',
  'cities.savedAt': 'saved {date}',
  'cities.open': 'Open',
  'cities.current': 'Open now',
  'cities.delete': 'Delete',
  'cities.deleteConfirm': 'Delete “{name}”? The city data kept in this browser will be removed.',
  'cities.cancel': 'Cancel',
  'cities.empty':
    'No city saved yet: after building one, “Open on the map” keeps it in this browser.',
  'cities.loadFailed':
    'Cannot open “{name}”: the saved data is incomplete; delete it and build it again.',
  'programme.profileIs': 'Standard: {profile}; programme: {programme}',
  'programme.none': 'none',
  'programme.empty':
    '“{profile}” sets no yearly building targets or subsidies. Choose a standard with a programme in the analysis panel (e.g. Haining 2024 care-center upgrades and neighbourhood points) and come back; site statuses can still be recorded below.',
  'programme.noTargets': 'The current standard has no yearly building targets',
  'programme.achievedGap': 'Achieved',
  'programme.gapIs': 'short by {gap}',
  'programme.enterGoal': 'Enter',
  'programme.goalFor': 'Study-area target: {target}',
  'programme.source.entered': 'entered for the study area (city: {value})',
  'programme.source.scaled': '{value} × {share}',
  'programme.source.ratio': 'a share, applied as it is',
  'programme.source.pending': 'city: {value}; pending: enter the city count or a target',
  'programme.scale.elders60': 'by elders aged 60+',
  'programme.scale.residents': 'by residents',
  'programme.scale.cityWide': 'The programme city’s {basis} count',
  'programme.scale.placeholder': 'enter',
  'programme.scale.pending':
    'A city-wide target does not apply to the study area as it is: enter the programme city’s count (the study area has {study}, {basis}), or enter study-area targets in the table.',
  'programme.scale.share':
    'Study-area share = study area {study} ÷ city {cityWide} ({basis}) = {share}; count targets are scaled by it.',
  'programme.scale.overOne':
    'The study area has more people than the city count entered: check it.',
  'programme.budget.title': 'Cost and subsidy per year',
  'programme.budget.sites': 'Projects',
  'programme.budget.cost': 'Investment',
  'programme.budget.committed': 'Subsidy committed',
  'programme.budget.paid': 'Subsidy paid',
  'programme.budget.local': 'Local share',
  'programme.budget.wan': '{n} × 10,000 yuan',
  'programme.budget.unscheduled': 'no year',
  'programme.budget.empty':
    'No projects yet: add a site on the map or make an existing facility a project.',
  'programme.budget.withoutCost':
    '{n} project(s) lack an area and an investment: left out of the sums.',
};
