import accounts from './accounts.json'
import alerts from './alerts.json'
import catalogue from './catalogue.json'
import common from './common.json'
import dataroom from './dataroom.json'
import imports from './imports.json'
import interests from './interests.json'
import notifications from './notifications.json'
import organisations from './organisations.json'
import proposals from './proposals.json'
import startups from './startups.json'
import watchlist from './watchlist.json'

export default { accounts, alerts, catalogue, common, dataroom, imports, interests, notifications, organisations, proposals, startups, watchlist }
