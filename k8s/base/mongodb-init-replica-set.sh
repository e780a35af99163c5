#!/usr/bin/env bash
# Run by the mongodb-init Job (k8s/base/mongodb.yaml). Idempotent.
# Env: MONGO_REPLICA_SET, MONGO_MEMBERS, MONGO_APP_DATABASES, NAMESPACE,
#      ROOT_USERNAME, ROOT_PASSWORD, APP_USERNAME, APP_PASSWORD.
set -euo pipefail

domain="mongodb.${NAMESPACE}.svc.cluster.local"
first="mongodb-0.${domain}:27017"

# The app user's credentials reach mongosh through process.env; the root
# password is an argument only inside this short-lived, single-process container.
sh_root() { mongosh --quiet --norc "mongodb://${first}/admin?directConnection=true" \
  --username "$ROOT_USERNAME" --password "$ROOT_PASSWORD" --authenticationDatabase admin "$@"; }

echo "waiting for ${first}"
until mongosh --quiet --norc "mongodb://${first}/admin?directConnection=true" \
    --eval 'quit(db.adminCommand({ping: 1}).ok ? 0 : 1)' >/dev/null 2>&1; do
  sleep 3
done

echo "initiating replica set ${MONGO_REPLICA_SET} with ${MONGO_MEMBERS} member(s) if needed"
sh_root --eval '
  const name = process.env.MONGO_REPLICA_SET;
  const n = parseInt(process.env.MONGO_MEMBERS, 10);
  const domain = "mongodb." + process.env.NAMESPACE + ".svc.cluster.local";
  let initiated = true;
  try { rs.status(); } catch (e) {
    if (e.codeName !== "NotYetInitialized") throw e;
    initiated = false;
  }
  if (!initiated) {
    const members = [];
    for (let i = 0; i < n; i++) members.push({ _id: i, host: "mongodb-" + i + "." + domain + ":27017" });
    printjson(rs.initiate({ _id: name, members }));
  } else {
    print("already initiated");
  }
'

echo "waiting for a primary"
until sh_root --eval 'quit(db.hello().isWritablePrimary ? 0 : 1)' >/dev/null 2>&1 \
   || sh_root --eval 'quit(rs.status().members.some(m => m.stateStr === "PRIMARY") ? 0 : 1)' >/dev/null 2>&1; do
  sleep 3
done

echo "ensuring application user"
# Connect through the replica set so the write goes to the primary.
hosts=""
for ((i = 0; i < MONGO_MEMBERS; i++)); do hosts+="${hosts:+,}mongodb-${i}.${domain}:27017"; done
mongosh --quiet --norc "mongodb://${hosts}/admin?replicaSet=${MONGO_REPLICA_SET}" \
  --username "$ROOT_USERNAME" --password "$ROOT_PASSWORD" --authenticationDatabase admin --eval '
  const user = process.env.APP_USERNAME, pwd = process.env.APP_PASSWORD;
  const roles = process.env.MONGO_APP_DATABASES.split(/\s+/).filter(Boolean).map(d => ({ role: "readWrite", db: d }));
  const admin = db.getSiblingDB("admin");
  if (admin.getUser(user)) { admin.updateUser(user, { pwd, roles }); print("updated " + user); }
  else { admin.createUser({ user, pwd, roles }); print("created " + user); }
'
echo "mongodb-init done"
