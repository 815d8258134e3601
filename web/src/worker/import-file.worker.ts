/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { importFileApi } from './import-file-api.ts';

/** The import wizard's own worker (see import-file-api.ts): terminated to cancel. */
Comlink.expose(importFileApi);
