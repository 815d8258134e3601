import type { osrmZh } from '../zh-CN/osrm.ts';

/** Settings: the user's own OSRM server for driving and e-bike circles (English). */
export const osrmEn: Record<keyof typeof osrmZh, string> = {
  'osrm.title': 'Your own routing server (OSRM)',
  'osrm.enable': 'Use my OSRM server for driving and e-bike circles',
  'osrm.note':
    'Off by default: every travel mode is routed on the city’s own road network. When on, driving and e-bike times come from the server you enter.',
  'osrm.warning':
    'When on, the coordinates of facilities and population cells are sent to that server: requests leave this machine. Only enter a server you trust.',
  'osrm.url': 'Server URL',
  'osrm.urlInvalid': 'Enter an address starting with http:// or https://',
  'osrm.profileDrive': 'OSRM profile for driving',
  'osrm.profileEbike': 'OSRM profile for e-bike',
  'osrm.test': 'Test connection',
  'osrm.testing': 'Connecting…',
  'osrm.testOk': 'Connected: both the driving and the e-bike profile answer.',
  'osrm.needTest': 'Test the connection before saving',
  'osrm.save': 'Save server setting',
  'osrm.saved': 'Saved: from the next analysis on, driving and e-bike use this server.',
  'osrm.off': 'Off: everything is routed on the city’s own road network.',
  'osrm.cspBlocked':
    'This app’s security policy does not allow connecting to {host}, so the browser refuses the request. Whoever deploys the app adds the address at build time (VITE_CSP_OSRM, see the README).',
  'osrm.error.E_BAD_OSRM_URL': 'Not a valid address: enter one starting with http:// or https://.',
  'osrm.error.E_OSRM_UNREACHABLE':
    'Cannot connect to {host}: the server is not running, the address or port is wrong, or the network or a security policy blocks it.',
  'osrm.error.E_OSRM_PROFILE':
    'The server {host} has no such profile: check the driving and e-bike profile names.',
  'osrm.error.E_OSRM_TIMEOUT': 'The server {host} did not answer within {seconds} s.',
  'osrm.error.E_OSRM_RESPONSE':
    'The answer of {host} cannot be used (not OSRM’s format, or an error).',
  'osrm.error.other': 'The test failed; check the address and try again.',
};
