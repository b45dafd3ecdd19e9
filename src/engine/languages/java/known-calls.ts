/**
 * What Java methods and annotations say about a value, as data for the Java front end (`text.ts`).
 * Sources: the Servlet API (`HttpServletRequest`), Spring MVC's handler method arguments, JAX-RS parameter
 * annotations, `java.lang` number parsing, OWASP ESAPI's `Encoder.encodeForSQL`.
 */

/** Parameter annotations that bind request data (Spring MVC, JAX-RS). */
export const REQUEST_ANNOTATIONS: ReadonlySet<string> = new Set([
  'RequestParam', 'PathVariable', 'RequestBody', 'RequestHeader', 'CookieValue', 'ModelAttribute', 'MatrixVariable', 'RequestPart',
  'QueryParam', 'PathParam', 'FormParam', 'HeaderParam', 'CookieParam', 'BeanParam',
]);

/** Method annotations of a request handler, whose unannotated simple parameters Spring also binds from the request. */
export const HANDLER_ANNOTATION = /^(?:RequestMapping|GetMapping|PostMapping|PutMapping|DeleteMapping|PatchMapping|GET|POST|PUT|DELETE|PATCH|Path)$/;

/** `HttpServletRequest` (and Spring `WebRequest`) methods that return request data. */
export const REQUEST_METHODS: ReadonlySet<string> = new Set([
  'getParameter', 'getParameterValues', 'getParameterMap', 'getParameterNames', 'getHeader', 'getHeaders', 'getCookies', 'getQueryString',
  'getRequestURI', 'getRequestURL', 'getPathInfo', 'getInputStream', 'getReader', 'getRemoteUser', 'getPart', 'getParts',
]);

/** Types whose values are numbers, booleans or other values that cannot carry SQL text. */
export const NUMERIC_TYPE = /^(?:byte|short|int|long|float|double|boolean|char|Byte|Short|Integer|Long|Float|Double|Boolean|BigInteger|BigDecimal|Number|UUID|LocalDate|LocalDateTime|Instant|Date|Timestamp)$/;

/** Static and instance methods whose result is a number. */
export const NUMERIC_METHODS: ReadonlySet<string> = new Set([
  'parseInt', 'parseLong', 'parseDouble', 'parseFloat', 'parseShort', 'parseBoolean', 'size', 'length', 'hashCode', 'ordinal',
  'intValue', 'longValue', 'doubleValue', 'currentTimeMillis', 'nanoTime', 'abs', 'max', 'min', 'round', 'floor', 'ceil', 'getInt', 'getLong',
]);

/** Classes whose `valueOf` converts to a number. */
export const NUMERIC_CLASSES = /^(?:Integer|Long|Short|Double|Float|Byte|Boolean|Math|UUID)$/;

/** Methods that quote or escape for SQL text. */
export const QUOTING_METHODS: ReadonlySet<string> = new Set(['encodeForSQL', 'escapeSql', 'quote', 'quoteIdentifier', 'enquoteLiteral', 'enquoteIdentifier', 'escape']);

/** Methods whose result carries the receiver's text and origin. */
export const TEXT_PRESERVING_METHODS: ReadonlySet<string> = new Set([
  'trim', 'strip', 'toLowerCase', 'toUpperCase', 'toString', 'intern', 'substring', 'replace', 'replaceAll', 'stripLeading', 'stripTrailing',
]);
