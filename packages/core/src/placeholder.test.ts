import { expect, test } from 'vitest';
import * as core from './index';

test('core module loads', () => {
  expect(typeof core).toBe('object');
});
