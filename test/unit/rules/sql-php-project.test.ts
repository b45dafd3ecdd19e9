import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

// PHP across files, when the project is indexed: `$filter->clause()` on a receiver declared as a project
// class (a typed parameter, also one a closure captures, `new X`, `@var`, a typed or promoted property) is
// read where the class defines the method, key by key when it returns an array literal, merged with every
// override in a subclass. Without an index, or when the class or method is not in sight, it stays unknown.

const FILTER_FILE = '/app/src/Filters/PriceFilter.php';
const filterClass = (comparison: string, extra = ''): string => [
  '<?php',
  'namespace Shop\\Filters;',
  '',
  'class PriceFilter extends Filter',
  '{',
  "    protected array $comparisons = ['<', '>', '=', '<>'];",
  '',
  '    public function clause(): array',
  '    {',
  "        preg_match('/^(\\w+)\\s*(.*)$/', $this->raw, $found);",
  '        $given = $found[2] ?? \'\';',
  `        return ['column' => $found[1], 'comparison' => ${comparison}, 'amount' => $given];`,
  '    }',
  extra,
  '}',
  '',
].join('\n');
const CAPTURED_FILTER = [
  '<?php',
  'namespace Shop\\Filters;',
  '',
  'class PriceFilter',
  '{',
  "    private array $comparisons = ['<', '>', '=', '<>'];",
  '',
  '    public function __construct(private string $raw) {}',
  '',
  '    public function clause(): array',
  '    {',
  "        $choices = implode('|', array_map(fn ($c) => preg_quote($c), $this->comparisons));",
  "        preg_match('/^(\\w*)(' . $choices . ')(.*)$/', $this->raw, $found);",
  "        return ['column' => $found[1], 'comparison' => $found[2], 'amount' => $found[3]];",
  '    }',
  '}',
  '',
].join('\n');
const CHECKED = "in_array($given, $this->comparisons) ? $given : '='";
const BASE_FILE = '/app/src/Filters/Filter.php';
const BASE = '<?php\nnamespace Shop\\Filters;\n\nabstract class Filter\n{\n    public function __construct(public string $raw) {}\n}\n';

const SEARCH_FILE = '/app/src/Search/ProductSearch.php';
const search = (body: string, imports = 'use Shop\\Filters\\PriceFilter;'): string => `<?php\nnamespace Shop\\Search;\n\n${imports}\n\nclass ProductSearch\n{\n${body}\n}\n`;
const CLOSURE = [
  '    public function apply($query, PriceFilter $filter): void',
  '    {',
  '        $query->whereHas(\'prices\', function ($q) use ($filter) {',
  '            $parts = $filter->clause();',
  "            $amount = (float) $parts['amount'];",
  "            $q->whereRaw(\"amount {$parts['comparison']} {$amount}\");",
  '        });',
  '    }',
].join('\n');

const project = (files: Record<string, string>, code: string, name: string): ValidCase => ({ name, languageId: 'php', fileName: SEARCH_FILE, files, code });
const flagged = (files: Record<string, string> | undefined, code: string, name: string): InvalidCase => ({ ...project(files ?? {}, code, name), ...(files ? {} : { files: undefined }), errors: [{ messageId: 'concatenated' }] });

runRuleTests(sqlConcatenation, {
  valid: [
    project({ [FILTER_FILE]: filterClass(CHECKED), [BASE_FILE]: BASE }, search(CLOSURE), 'a key checked with in_array against a fixed property list, read through a typed parameter a closure captures'),
    project({ [FILTER_FILE]: filterClass("'='") }, search("    public function run($query)\n    {\n        $filter = new PriceFilter('price > 3');\n        $query->whereRaw('amount ' . $filter->clause()['comparison'] . ' 3');\n    }"), 'a constant key of what `new X` returns'),
    project({ [FILTER_FILE]: filterClass(CHECKED) }, search("    public function __construct(private PriceFilter $filter) {}\n\n    public function run($query)\n    {\n        $c = $this->filter->clause();\n        $query->whereRaw(\"amount {$c['comparison']} 0\");\n    }"), 'a promoted constructor property'),
    project({ [FILTER_FILE]: filterClass(CHECKED) }, search("    public function run($query, $filter)\n    {\n        /** @var PriceFilter $filter */\n        $c = $filter->clause();\n        $query->whereRaw(\"amount {$c['comparison']} 0\");\n    }"), 'a receiver typed by an @var comment'),
    project({ [FILTER_FILE]: filterClass(CHECKED), '/app/src/Filters/RangeFilter.php': "<?php\nnamespace Shop\\Filters;\n\nclass RangeFilter extends PriceFilter\n{\n    public function clause(): array\n    {\n        return ['comparison' => 'BETWEEN'];\n    }\n}\n" }, search(CLOSURE), 'a subclass override that returns a constant'),
    project({ [FILTER_FILE]: CAPTURED_FILTER }, search(CLOSURE), 'a key holding a capture that is an alternation of the quoted items of a fixed property list'),
  ],
  invalid: [
    flagged({ [FILTER_FILE]: filterClass("$_GET['op']") }, search(CLOSURE), 'a method returning request data under the key'),
    flagged({ [FILTER_FILE]: filterClass('$given') }, search(CLOSURE), 'a key holding part of the parsed input, unchecked'),
    flagged({ [FILTER_FILE]: filterClass(CHECKED) }, search(CLOSURE.replace("{$parts['comparison']}", "{$parts['column']}")), 'another key of the same result carries the input'),
    flagged({ [FILTER_FILE]: filterClass(CHECKED, "\n    public function reset(string $to): void\n    {\n        $this->comparisons = [$to];\n    }") }, search(CLOSURE), 'the list property is assigned elsewhere in its class'),
    flagged({ [FILTER_FILE]: filterClass(CHECKED), '/app/src/Filters/LooseFilter.php': "<?php\nnamespace Shop\\Filters;\n\nclass LooseFilter extends PriceFilter\n{\n    public function clause(): array\n    {\n        return ['comparison' => $this->raw];\n    }\n}\n" }, search(CLOSURE), 'a subclass override that returns its input'),
    flagged({ [FILTER_FILE]: filterClass(CHECKED) }, search(CLOSURE, 'use Shop\\Other\\PriceFilter;'), 'the imported class is another one, not in the project'),
    flagged({ [FILTER_FILE]: CAPTURED_FILTER }, search(CLOSURE.replace("{$parts['comparison']}", "{$parts['column']}")), 'the word capture of the same pattern'),
    flagged({ [FILTER_FILE]: filterClass(CHECKED) }, search(CLOSURE.replace("$amount = (float)", "$parts['comparison'] = $_GET['cmp'];\n            $amount = (float)")), 'the caller overwrites the key after the call'),
    flagged(undefined, search(CLOSURE), 'without a project index, the method result is unknown, as before'),
  ],
});
