/** What an attacker's input would do to a statement the replay does not run (it shows rows, so it runs SELECT only). */
export function explainEffect(keyword: string, table: string | undefined, input: string): string {
  const target = table ? `\`${table}\`` : 'the table';
  switch (keyword) {
    case 'DELETE': return `With the input \`${input}\` the WHERE clause is true for every row: this DELETE would remove every row of ${target}, not the one the request names.`;
    case 'UPDATE': return `With the input \`${input}\` the WHERE clause is true for every row: this UPDATE would change every row of ${target}. In a SET clause, the input can also set columns the code never meant to change (a role, a balance).`;
    case 'INSERT': case 'REPLACE': return 'The input can close the value and write SQL of its own: a subquery that copies another table\'s data into the new row, where the attacker can read it back, or, on drivers that run several statements per call, a second statement.';
    default: return 'The input can close the value and add SQL of its own; what it can reach depends on the statement and on the database account\'s permissions.';
  }
}
