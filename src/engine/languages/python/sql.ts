import type { SqlFrontEnd } from '../front-ends';

/** The Python SQL front end (filled in by the following commits). */
export const pythonSql: SqlFrontEnd = {
  mayHaveSql: () => false,
  sqlModel: () => ({ model: { sinks: [] }, fixFor: () => undefined }),
};
