import type { SqlSinkRow } from '../sql-sink-row';

/**
 * Java calls that send SQL (or JPQL/HQL) text: JDBC `Statement`/`Connection`, Spring's `JdbcTemplate` and
 * `NamedParameterJdbcTemplate`, JPA `EntityManager` and Hibernate `Session`.
 * Sources: docs.oracle.com java.sql, docs.spring.io JdbcTemplate, jakarta.ee Persistence, docs.jboss.org Hibernate.
 */
export const JAVA_SQL_SINKS: readonly SqlSinkRow[] = [
  { id: 'java.jdbc.statement', api: 'Statement.executeQuery', call: 'method', names: ['executeQuery', 'executeUpdate', 'executeLargeUpdate', 'addBatch'], sqlArgument: 0, evidence: 'statement' },
  { id: 'java.jdbc.prepare', api: 'Connection.prepareStatement', call: 'method', names: ['prepareStatement'], sqlArgument: 0, evidence: 'statement' },
  // `{call proc(?)}`: JDBC's escape syntax for stored procedures, which the statement patterns do not read
  { id: 'java.jdbc.prepare-call', api: 'Connection.prepareCall', call: 'method', names: ['prepareCall', 'nativeSQL'], sqlArgument: 0, evidence: 'built' },
  { id: 'java.spring.jdbc-template', api: 'JdbcTemplate.query', call: 'method', names: ['query', 'queryForObject', 'queryForList', 'queryForMap', 'queryForRowSet', 'queryForStream', 'queryForLong', 'queryForInt', 'update', 'batchUpdate', 'execute'], sqlArgument: 0, evidence: 'statement', parametersFrom: 1, genericNames: true },
  { id: 'java.jpa.native', api: 'EntityManager.createNativeQuery', call: 'method', names: ['createNativeQuery', 'createSQLQuery', 'createNativeMutationQuery'], sqlArgument: 0, evidence: 'built' },
  { id: 'java.jpa.query', api: 'EntityManager.createQuery', call: 'method', names: ['createQuery', 'createSelectionQuery', 'createMutationQuery', 'createUpdate'], sqlArgument: 0, evidence: 'sql' },
];
