// ESLint flat config: TypeScript + Svelte, and the import boundaries of DESIGN.md.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'net', 'url', 'module', 'events', 'stream', 'util'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'engine/linalg/build/**', 'engine/linalg/assembly/**', 'test-results/**', 'e2e/artifacts/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.svelte', 'renderer/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] }, globals: { ...globals.browser } },
    // Maps/Sets built inside $derived or plain functions are values, not state: the reactive
    // wrappers would only add overhead there.
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    // The engine runs in workers, the CLI and tests: no Electron, no DOM, no main-process code.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*'], message: 'engine/ must not import Electron' },
        { group: ['**/electron/**', '../electron/*', '../../electron/*'], message: 'engine/ must not import main-process code' },
        { group: ['**/renderer/**'], message: 'engine/ must not import renderer code' },
      ] }],
    },
  },
  {
    // The renderer is sandboxed: no Node modules, and only types from electron/ and engine/.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...NODE_BUILTINS, 'electron'].map((name) => ({ name, message: 'the renderer has no Node: call the API' })),
        patterns: [
          { regex: '^node:', message: 'the renderer has no Node: call the API' },
          { regex: '(^|/)(electron|engine)/', allowTypeImports: true, message: 'the renderer may only `import type` from electron/ and engine/' },
        ],
      }],
    },
  },
  {
    // Kinds do not import each other: shared maths moves down into linalg/, rmt/ or random/.
    files: ['engine/kinds/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../*/index.js', '../*/index', '../../kinds/*'], message: 'no kind imports another kind: move shared maths into linalg/, rmt/ or random/' },
        { group: ['electron', '**/electron/**', '**/renderer/**'], message: 'engine/ must not import Electron, main-process or renderer code' },
      ] }],
    },
  },
);
