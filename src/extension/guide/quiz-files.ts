import whatIsBackend from '../../../walkthroughs/quizzes/what-is-backend.json';
import serverSideLogic from '../../../walkthroughs/quizzes/server-side-logic.json';
import databases from '../../../walkthroughs/quizzes/databases.json';
import apis from '../../../walkthroughs/quizzes/apis.json';
import security from '../../../walkthroughs/quizzes/security.json';
import sqlInjection from '../../../walkthroughs/quizzes/sql-injection.json';
import auth from '../../../walkthroughs/quizzes/auth.json';
import securityHeaders from '../../../walkthroughs/quizzes/security-headers.json';
import webAttacks from '../../../walkthroughs/quizzes/web-attacks.json';
import snippets from '../../../walkthroughs/quizzes/snippets.json';
import testing from '../../../walkthroughs/quizzes/testing.json';
import performanceChapter from '../../../walkthroughs/quizzes/performance.json';
import toolsAndDeployment from '../../../walkthroughs/quizzes/tools-and-deployment.json';
import gitTeamwork from '../../../walkthroughs/quizzes/git-teamwork.json';
import deployment from '../../../walkthroughs/quizzes/deployment.json';
import roadAhead from '../../../walkthroughs/quizzes/road-ahead.json';
import learningPath from '../../../walkthroughs/quizzes/learning-path.json';
import type { Quiz } from './quiz';

/**
 * Every knowledge check, one JSON file per guide chapter (walkthroughs/quizzes/README.md). A new chapter's quiz
 * needs its file and one line here; a unit test fails until every chapter in toc.json has one.
 */
export const QUIZ_FILES: readonly Quiz[] = [
  whatIsBackend,
  serverSideLogic,
  databases,
  apis,
  security,
  sqlInjection,
  auth,
  securityHeaders,
  webAttacks,
  snippets,
  testing,
  performanceChapter,
  toolsAndDeployment,
  gitTeamwork,
  deployment,
  roadAhead,
  learningPath,
];
