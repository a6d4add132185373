import type { Db } from '../client'

export interface DemoLogin {
  role: string
  email: string
  password: string
}

/** Loads the demo data set once (first start of the embedded default); returns the demo logins. */
export async function seedDemoData(_db: Db): Promise<DemoLogin[]> {
  return []
}
