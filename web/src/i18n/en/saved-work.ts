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
  'scenario.kept.unknownSite': 'its site is not in the register shown',
  'scenario.kept.duplicateSite': 'the new site’s id is taken by a facility of the register shown',
  'scenario.kept.other': 'it cannot be evaluated with the data shown',
  'scenario.kept.kind.add-site': 'add site',
  'scenario.kept.kind.move-site': 'move site',
  'scenario.kept.kind.resize-site': 'resize',
  'scenario.kept.kind.retype-site': 'change type',
  'scenario.kept.kind.close-site': 'close site',
  'scenario.kept.kind.add-link': 'add road link',
  'scenario.kept.kind.other': 'other change',
  'scenario.kept.kind.close-link': 'close road',
  'scenario.kept.kind.set-walking-speed': 'walking speed',
  'scenario.kept.kind.set-profile': 'change standard',
  'scenario.kept.kind.set-travel-profile': 'travel mode',
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
};
