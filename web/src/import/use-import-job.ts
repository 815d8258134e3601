import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../analysis/io/import/index.ts';
import { Comlink, cancelImportWork } from './import-worker.ts';

/** A step of the wizard that can take long: what the bar names. */
export type JobStage = 'read' | 'crs' | 'validate' | 'apply' | 'download';

export interface JobProgress {
  stage: JobStage;
  /** Absent while the step cannot say how far it is. */
  done?: number;
  total?: number;
  unit?: ImportProgress['unit'] | 'features';
}

type Report = (progress: ImportProgress) => void;

/**
 * The wizard's long steps, one at a time: the progress they report (through a comlink proxy from
 * the import worker) and cancel, which ends the worker at once. Closing the wizard mid-step
 * cancels it too, so no work outlives the dialog.
 */
export function useImportJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [cancelled, setCancelled] = useState<JobStage | null>(null);
  const stage = useRef<JobStage | null>(null);
  // Reports already on their way when a job ends (or is cancelled) must not bring its bar back.
  const current = useRef(0);

  const job = useCallback(
    async <T>(
      name: JobStage,
      work: (report: Report, set: (progress: JobProgress) => void) => Promise<T>,
    ): Promise<T> => {
      setCancelled(null);
      const token = ++current.current;
      stage.current = name;
      setProgress({ stage: name });
      const set = (p: JobProgress) => {
        if (current.current === token) setProgress(p);
      };
      const report = Comlink.proxy((p: ImportProgress) =>
        set({ stage: p.stage, done: p.done, total: p.total, unit: p.unit }),
      );
      try {
        return await work(report, set);
      } finally {
        if (current.current === token) {
          current.current++;
          stage.current = null;
          setProgress(null);
        }
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    const at = stage.current;
    if (at === null) return;
    current.current++;
    stage.current = null;
    setProgress(null);
    cancelImportWork();
    setCancelled(at);
  }, []);

  useEffect(
    () => () => {
      if (stage.current !== null) cancelImportWork();
    },
    [],
  );

  return { progress, cancelled, job, cancel, clearCancelled: () => setCancelled(null) };
}
