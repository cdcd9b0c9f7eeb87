import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isObjectIdText } from '../src/ids/object-id-text';

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the text form of an object id', () => {
  it('is 24 hexadecimal digits in either case, and nothing else', () => {
    expect(isObjectIdText('65a1f0c2e4b0a1b2c3d4e5f6')).toBe(true);
    expect(isObjectIdText('65A1F0C2E4B0A1B2C3D4E5F6')).toBe(true);
    expect(isObjectIdText('65a1f0c2e4b0a1b2c3d4e5f')).toBe(false);
    expect(isObjectIdText('65a1f0c2e4b0a1b2c3d4e5f6a')).toBe(false);
    expect(isObjectIdText('65a1f0c2e4b0a1b2c3d4e5fg')).toBe(false);
    expect(isObjectIdText(' 65a1f0c2e4b0a1b2c3d4e5f6')).toBe(false);
    expect(isObjectIdText('guest:someone@example.com')).toBe(false);
    expect(isObjectIdText('')).toBe(false);
  });

  it('has one home: no other module spells the pattern out', () => {
    const copies = sourceFiles(srcRoot)
      .filter((path) => readFileSync(path, 'utf8').includes('[0-9a-f]{24}'))
      .map((path) => relative(srcRoot, path))
      .filter((path) => path !== join('ids', 'object-id-text.ts'));
    expect(
      copies,
      'use isObjectIdText / objectIdTextPattern from src/ids/object-id-text.ts',
    ).toEqual([]);
  });
});
