import * as assert from 'assert';
import { defaultConfig } from '../../../src/engine/config';
import { matcherCovers, nextRoutePath } from '../../../src/engine/project/next-routes';
import { projectRoutes } from '../../../src/engine/rules/auth/route-report';
import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { projectFrom } from '../../../src/testing/project-from';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/** Next.js route handlers: App Router `route.ts` files, Pages Router `pages/api` files and the root middleware. */

const PACKAGE = { '/p/package.json': JSON.stringify({ name: 'shop', dependencies: { next: '14.2.0', 'next-auth': '4.24.0' } }) };

/** A route that checks the session, so the project has an auth concept. */
const CHECKED_ROUTE = {
  '/p/app/api/orders/route.ts': "import { NextResponse } from 'next/server';\nimport { getServerSession } from 'next-auth';\nimport { authOptions } from '@/lib/auth';\n\nexport async function GET() {\n  const session = await getServerSession(authOptions);\n  if (!session) return NextResponse.json({ error: 'sign in first' }, { status: 401 });\n  return NextResponse.json(await db.orders.findMany({ where: { userId: session.user.id } }));\n}\n",
};

function next(name: string, fileName: string, code: string, files: Record<string, string> = {}): ValidCase {
  return { name, fileName, code, languageId: 'typescript', files: { ...PACKAGE, ...CHECKED_ROUTE, ...files } };
}

const valid: ValidCase[] = [
  next('session check that answers 401', '/p/app/api/notes/route.ts', "import { getServerSession } from 'next-auth';\n\nexport async function POST(req: Request) {\n  const session = await getServerSession(authOptions);\n  if (!session) {\n    return new Response(JSON.stringify({ error: 'sign in' }), { status: 401 });\n  }\n  return Response.json(await db.notes.create({ data: await req.json() }));\n}\n"),
  next('Auth.js auth() with a redirect to the sign-in page', '/p/src/app/api/notes/[id]/route.ts', "import { auth } from '@/auth';\nimport { redirect } from 'next/navigation';\n\nexport const DELETE = async (_: Request, { params }: { params: { id: string } }) => {\n  const session = await auth();\n  if (!session?.user) redirect('/api/auth/signin');\n  await db.notes.delete({ where: { id: params.id } });\n  return new Response(null, { status: 204 });\n};\n"),
  next('a check function that answers for the handler (verifyUser, then return)', '/p/pages/api/v1/links/[id].ts', "import type { NextApiRequest, NextApiResponse } from 'next';\nimport verifyUser from '@/lib/api/verifyUser';\n\nexport default async function links(req: NextApiRequest, res: NextApiResponse) {\n  const user = await verifyUser({ req, res });\n  if (!user) return;\n  if (req.method === 'DELETE') return res.json(await deleteLink(user.id, Number(req.query.id)));\n}\n"),
  next('root middleware whose matcher covers the route and that redirects to log in', '/p/app/api/invoices/route.ts', "export async function POST(req: Request) {\n  return Response.json(await db.invoices.create({ data: await req.json() }));\n}\n", {
    '/p/middleware.ts': "import { NextResponse, type NextRequest } from 'next/server';\n\nexport function middleware(request: NextRequest) {\n  if (!request.cookies.get('session')) return NextResponse.redirect(new URL('/login', request.url));\n  return NextResponse.next();\n}\n\nexport const config = { matcher: ['/api/invoices/:path*', '/dashboard/:path*'] };\n",
  }),
  next('next-auth middleware re-exported, under src/', '/p/src/app/api/billing/route.ts', "export async function PUT(req: Request) {\n  return Response.json(await updatePlan(await req.json()));\n}\n", {
    '/p/src/middleware.ts': "export { default } from 'next-auth/middleware';\nexport const config = { matcher: ['/api/billing'] };\n",
  }),
  next('a handler wrapped by a function that checks, by name', '/p/app/api/comments/route.ts', "import { withAuth } from '@/lib/with-auth';\n\nexport const POST = withAuth(async (req: Request) => {\n  return Response.json(await db.comments.create({ data: await req.json() }));\n});\n"),
  next('a handler wrapped by a project function whose code refuses callers', '/p/pages/api/folders/[id].ts', "import { withApi } from '@/lib/with-api';\n\nasync function handler(req, res, user) {\n  await prisma.folder.delete({ where: { id: Number(req.query.id), userId: user.id } });\n  res.status(204).end();\n}\n\nexport default withApi(handler, { methods: ['DELETE'], user: true });\n", {
    '/p/lib/with-api.ts': "export const withApi = (handler, options) => async (req, res) => {\n  if (options.user) {\n    const user = await findUser(req);\n    if (!user) return res.status(401).json({ error: 'not logged in' });\n    return handler(req, res, user);\n  }\n  return handler(req, res);\n};\n",
  }),
  next('sign-in route is public', '/p/app/api/auth/sign-in/route.ts', "export async function POST(request: Request) {\n  return Response.json(await signIn(await request.json()));\n}\n"),
  next('NextAuth catch-all is the sign-in flow', '/p/pages/api/auth/[...nextauth].ts', "import NextAuth from 'next-auth';\nimport { authOptions } from '@/lib/auth';\n\nexport default NextAuth(authOptions);\n"),
  next('GET of non-sensitive data', '/p/app/api/products/route.ts', "export async function GET() {\n  return Response.json(await db.products.findMany());\n}\n"),
  next('route marked public with a reason', '/p/app/api/contact-us/route.ts', "// backend-guide-public: visitors write to us without an account\nexport async function POST(req: Request) {\n  await sendMail(await req.json());\n  return new Response(null, { status: 202 });\n}\n"),
  next('a Pages handler that only answers one method', '/p/pages/api/stats.ts', "export default function handler(req, res) {\n  if (req.method !== 'GET') return res.status(405).end();\n  res.json({ uptime: process.uptime() });\n}\n"),
  next('a route whose handler another library builds (a Hono app) is judged by that library', '/p/app/api/hooks/[...route]/route.ts', "import { Hono } from 'hono';\nimport { handle } from 'hono/vercel';\n\nconst app = new Hono().basePath('/api/hooks');\napp.post('/run', (c) => c.json({ ok: true }));\n\nexport const POST = handle(app);\n"),
  next('a Pages handler that switches on the method and hands the request to functions that check', '/p/pages/api/archives/[id].ts', "import verifyUser from '@/lib/api/verifyUser';\n\nasync function handleGet(req, res) {\n  const user = await verifyUser({ req, res });\n  if (!user) return;\n  res.json(await readArchive(user.id, req.query.id));\n}\n\nasync function handlePost(req, res) {\n  const user = await verifyUser({ req, res });\n  if (!user) return;\n  res.json(await saveArchive(user.id, req.query.id, req.body));\n}\n\nexport default async function archives(req, res) {\n  const method = req.method;\n  switch (method) {\n    case 'GET':\n      return handleGet(req, res);\n    case 'POST':\n      return handlePost(req, res);\n    default:\n      return res.status(405).end();\n  }\n}\n"),
  next('a webhook that refuses callers a permission check turns down', '/p/pages/api/webhooks/app-store.ts', "const isAuthorized = (req) => req.query.token === process.env.WEBHOOK_TOKEN;\n\nexport default async function appStoreWebhook(req, res) {\n  if (req.method !== 'POST') return res.status(405).end();\n  if (!isAuthorized(req)) {\n    return res.status(401).json({ response: 'Invalid token.' });\n  }\n  await prisma.subscription.update({ where: { id: req.body.id }, data: { active: true } });\n  res.status(200).end();\n}\n"),
  next('a token read from the request and refused with a 404 when missing', '/p/pages/api/payment.ts', "import getTokenFromRequest from '@/lib/api/getTokenFromRequest';\n\nexport default async function payment(req, res) {\n  const token = await getTokenFromRequest(req);\n  if (!token?.id) return res.status(404).json({ response: 'Token invalid.' });\n  if (req.method === 'POST') return res.json(await checkout(token.id));\n}\n"),
  next('a wrapper given options that ask it to check the caller', '/p/pages/api/user/files.ts', "import { withApi } from 'middleware/withApi';\n\nasync function handler(req, res, user) {\n  await prisma.file.deleteMany({ where: { userId: user.id } });\n  res.status(204).end();\n}\n\nexport default withApi(handler, { methods: ['DELETE'], user: true });\n"),
  next('POST /session creates a session: signing in', '/p/pages/api/v1/session/index.ts', "export default async function session(req, res) {\n  const result = await verifyByCredentials(req.body);\n  if (req.method === 'POST') return res.json(await createSession(result.user.id));\n}\n"),
  next('a Pages handler that names no method and only answers with configuration', '/p/pages/api/config.ts', "export default function handler(req, res) {\n  return res.status(200).json({ response: getEnvData() });\n}\n"),
  next('a handler that hands the request to the tRPC router', '/p/src/app/api/trpc/[trpc]/route.ts', "import { fetchRequestHandler } from '@trpc/server/adapters/fetch';\nimport { appRouter } from '@/trpc/routers';\n\nconst handler = async (req: Request) => {\n  return fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => ({}) });\n};\n\nconst handlerWithLogs = withLogs(handler);\n\nexport { handlerWithLogs as GET, handlerWithLogs as POST };\n"),
  next('better-auth handlers are the sign-in flow', '/p/app/api/auth/[...all]/route.ts', "import { toNextJsHandler } from 'better-auth/next-js';\nimport { auth } from '@/lib/auth';\n\nexport const { POST, GET } = toNextJsHandler(auth);\n"),
  next('Next 16 proxy.ts whose matcher covers the route and that answers 401', '/p/src/app/api/exports/route.ts', "export async function POST(req: Request) {\n  return Response.json(await startExport(await req.json()));\n}\n", {
    '/p/src/proxy.ts': "import { NextResponse, type NextRequest } from 'next/server';\n\nexport const proxy = async (req: NextRequest) => {\n  if (!req.headers.get('authorization')) return new NextResponse(null, { status: 401 });\n  return NextResponse.next();\n};\n\nexport const config = { matcher: '/api/:path*' };\n",
  }),
  {
    name: 'in a monorepo, an @/ import resolves inside the Next package, and a wrapper whose code refuses callers counts',
    fileName: '/m/apps/web/src/app/api/notes/route.ts',
    languageId: 'typescript',
    code: "import { wrap } from '@/lib/wrap';\n\nexport const POST = wrap(async (req: Request) => Response.json(await saveNote(await req.json())));\n",
    files: {
      '/m/package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
      '/m/apps/web/package.json': JSON.stringify({ dependencies: { next: '15.0.0' } }),
      '/m/apps/web/src/lib/wrap.ts': "export const wrap = (handler) => async (req) => {\n  if (!req.headers.get('authorization')) return new Response(null, { status: 401 });\n  return handler(req);\n};\n",
    },
  },
  { name: 'a Remix route.tsx is no Next.js route', fileName: '/r/app/routes/notes/route.tsx', languageId: 'typescriptreact', code: "export async function action({ request }) {\n  return db.notes.delete({ where: { id: (await request.formData()).get('id') } });\n}\n", files: { '/r/package.json': JSON.stringify({ dependencies: { '@remix-run/node': '2.0.0' } }) } },
  { name: 'without project facts the middleware is unknown: Next routes are judged only with the project', fileName: '/p/app/api/orders/route.ts', languageId: 'typescript', code: "export async function POST(req: Request) {\n  return Response.json(await db.orders.create({ data: await req.json() }));\n}\n" },
];

const invalid: InvalidCase[] = [
  {
    ...next('POST with no check in a project whose other routes check', '/p/app/api/items/[id]/route.ts', "import { db } from '@/lib/db';\n\nexport async function GET() {\n  return Response.json({ ok: true });\n}\n\nexport async function POST(req: Request) {\n  return Response.json(await db.items.update({ data: await req.json() }));\n}\n"),
    errors: [{ messageId: 'missingAuth', line: 7, column: 1, endColumn: 27, messageIncludes: ['POST /api/items/:id', '1 of 2 routes of this app check the caller', 'middleware.ts'] }],
    output: "import { db } from '@/lib/db';\n\nexport async function GET() {\n  return Response.json({ ok: true });\n}\n\n// backend-guide-public: <why anyone may call this route>\nexport async function POST(req: Request) {\n  return Response.json(await db.items.update({ data: await req.json() }));\n}\n",
  },
  {
    ...next('pages/api DELETE without a check', '/p/pages/api/posts/[id].ts', "import type { NextApiRequest, NextApiResponse } from 'next';\n\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  if (req.method === 'DELETE') {\n    await prisma.post.delete({ where: { id: String(req.query.id) } });\n    return res.status(204).end();\n  }\n  res.status(405).end();\n}\n"),
    errors: [{ messageId: 'missingAuth', line: 3, column: 1, messageIncludes: ['DELETE /api/posts/:id'] }],
  },
  {
    ...next('a middleware whose matcher leaves the route out does not protect it', '/p/app/api/invoices/route.ts', "export async function DELETE() {\n  await db.invoices.deleteMany();\n  return new Response(null, { status: 204 });\n}\n", {
      '/p/middleware.ts': "import { NextResponse } from 'next/server';\n\nexport function middleware(request) {\n  if (!request.cookies.get('session')) return NextResponse.redirect(new URL('/login', request.url));\n}\n\nexport const config = { matcher: ['/((?!api|_next/static|favicon.ico).*)'] };\n",
    }),
    errors: [{ messageId: 'missingAuth', line: 1, messageIncludes: ['DELETE /api/invoices'] }],
  },
  {
    ...next('a GET of user records without a check', '/p/app/api/users/[userId]/route.ts', "export async function GET(_: Request, { params }) {\n  return Response.json(await db.users.findUnique({ where: { id: params.userId } }));\n}\n"),
    errors: [{ messageId: 'missingAuthSensitive', line: 1, messageIncludes: ['GET /api/users/:userId'] }],
  },
  {
    ...next('a session variable that is only read for logging does not protect the route', '/p/app/api/reports/route.ts', "export async function DELETE() {\n  const messages = await getSessionMessages();\n  if (!messages.length) return new Response(null, { status: 204 });\n  await db.reports.deleteMany();\n  return new Response(null, { status: 204 });\n}\n"),
    errors: [{ messageId: 'missingAuth', line: 1, messageIncludes: ['DELETE /api/reports'] }],
  },
  {
    ...next('a proxy.ts whose matcher (with an escaped dot) leaves out /api does not protect it', '/p/src/app/api/exports/route.ts', "export async function POST(req: Request) {\n  return Response.json(await startExport(await req.json()));\n}\n", {
      '/p/src/proxy.ts': "import { NextResponse } from 'next/server';\n\nexport const proxy = async (req) => {\n  if (!req.cookies.get('session')) return NextResponse.redirect(new URL('/login', req.url));\n};\n\nexport const config = { matcher: ['/((?!api|_next/static|_next/image|static|.*\\\\.).*)'] };\n",
    }),
    errors: [{ messageId: 'missingAuth', line: 1, messageIncludes: ['POST /api/exports'] }],
  },
  {
    name: 'a Next app with no authentication at all gets one note, on its first open route',
    fileName: '/q/app/api/a/route.ts',
    languageId: 'typescript',
    code: "export async function POST(req: Request) {\n  return Response.json(await db.items.create({ data: await req.json() }));\n}\n",
    files: {
      '/q/package.json': JSON.stringify({ dependencies: { next: '15.0.0' } }),
      '/q/app/api/b/route.ts': "export async function DELETE() {\n  await db.items.deleteMany();\n  return new Response(null, { status: 204 });\n}\n",
    },
    errors: [{ messageId: 'noAuthConcept', line: 1, messageIncludes: ['none of its 2 routes'], related: [{ line: 1 }, { line: 1 }] }],
  },
];

runRuleTests(missingAuth, { valid, invalid });

describe('projectRoutes with Next.js route handlers (the Routes view and `backend-guide routes`)', () => {
  it('lists each exported method under its Next app, with the middleware its matcher covers and its wrappers', async () => {
    const project = await projectFrom({
      ...PACKAGE,
      '/p/middleware.ts': "export { default } from 'next-auth/middleware';\nexport const config = { matcher: ['/api/settings/:path*'] };\n",
      '/p/app/(shop)/api/settings/[id]/route.ts': "export async function DELETE() {\n  return new Response(null, { status: 204 });\n}\n",
      '/p/app/api/comments/route.ts': "export const POST = withAuth(async (req: Request) => Response.json(await save(await req.json())));\n",
      '/p/pages/api/posts/[...slug].ts': "export default function handler(req, res) {\n  if (req.method === 'DELETE') return remove(req, res);\n  res.status(405).end();\n}\n",
    });
    const rows = projectRoutes(project, defaultConfig());
    assert.deepStrictEqual(rows.map((r) => `${r.method} ${r.path} ${r.framework} ${r.verdict} ${r.file.slice(3)}:${r.line} [${r.middleware.join(', ')}]`), [
      'DELETE /api/settings/:id next protected app/(shop)/api/settings/[id]/route.ts:1 [next-auth/middleware in middleware.ts]',
      'POST /api/comments next protected app/api/comments/route.ts:1 [withAuth(...)]',
      'DELETE /api/posts/* next unprotected pages/api/posts/[...slug].ts:1 []',
    ]);
    assert.strictEqual(rows[0].app, 'Next.js app (.)');
  });
});

describe('Next.js file-system routes', () => {
  it('takes the route path from where the file sits', () => {
    assert.strictEqual(nextRoutePath('app-route', ['(marketing)', 'api', 'users', '[id]', 'route.ts']), '/api/users/:id');
    assert.strictEqual(nextRoutePath('app-route', ['api', 'docs', '[[...slug]]', 'route.js']), '/api/docs/*');
    assert.strictEqual(nextRoutePath('app-route', ['route.ts']), '/');
    assert.strictEqual(nextRoutePath('app-route', ['_lib', 'route.ts']), undefined, 'folders starting with _ are private');
    assert.strictEqual(nextRoutePath('pages-api', ['api', 'posts', 'index.ts']), '/api/posts');
    assert.strictEqual(nextRoutePath('pages-api', ['api', 'auth', '[...nextauth].ts']), '/api/auth/*');
  });

  it('reads config.matcher as Next does (path-to-regexp, with regular-expression groups)', () => {
    const covers = (matcher: string[], path: string) => matcherCovers({ handler: { kind: 'other', span: { start: 0, end: 0 }, text: '' }, matcher }, path);
    assert.ok(covers(['/dashboard/:path*'], '/dashboard'));
    assert.ok(covers(['/dashboard/:path*'], '/dashboard/settings/:id'));
    assert.ok(!covers(['/dashboard/:path*'], '/api/orders'));
    assert.ok(covers(['/api/:path+'], '/api/orders/*'));
    assert.ok(!covers(['/((?!api|_next/static|favicon.ico).*)'], '/api/orders'));
    assert.ok(covers(['/((?!api|_next/static|favicon.ico).*)'], '/settings'));
    assert.ok(covers(['/about', '/api/users/:id'], '/api/users/:userId'));
  });
});
