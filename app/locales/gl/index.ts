import accounts from './accounts.json'
import common from './common.json'
import organisations from './organisations.json'

export default { accounts, common, organisations }
