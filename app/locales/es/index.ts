import accounts from './accounts.json'
import common from './common.json'
import dataroom from './dataroom.json'
import imports from './imports.json'
import organisations from './organisations.json'
import proposals from './proposals.json'
import startups from './startups.json'

export default { accounts, common, dataroom, imports, organisations, proposals, startups }
