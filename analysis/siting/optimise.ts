/** Site optimisation entry points (one verb per module; this file only re-exports). */
export { optimiseLscp } from './optimise-lscp.ts';
export { optimiseMclp } from './optimise-mclp.ts';
export {
  atLeastOnePerUnitWithout,
  buildSitingModel,
  coveredWeightOf,
  type SitingInput,
  type SitingModelOptions,
} from './optimise-model.ts';
export type * from './optimise-types.ts';
