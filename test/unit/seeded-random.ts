// The fixed-seed sequence lives in src/testing (the editor-vs-CLI comparison and its bench use it too).
export { pick, seededRandom } from '../../src/testing/seeded-random';
