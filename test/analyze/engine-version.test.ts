import { describe, expect, it } from 'vitest'
import { ENGINE_REVISION, engineVersion } from '../../src/analyze/engine-version.ts'

describe('engineVersion', () => {
  it('names the rules revision and a digest of the data files, the same on every call', () => {
    expect(engineVersion()).toMatch(new RegExp(`^${ENGINE_REVISION}\\.[0-9a-f]{8}$`))
    expect(engineVersion()).toBe(engineVersion())
  })
})
