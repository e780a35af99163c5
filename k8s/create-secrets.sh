#!/usr/bin/env bash
# Creates the namespace and the Secrets the overlays reference (k8s/README.md, "Secrets"),
# with generated passwords, for a first deploy:
#
#   bash k8s/create-secrets.sh identity-dev 1     # dev overlay: one MongoDB member
#   bash k8s/create-secrets.sh identity 3         # prod overlay: three members
#
# It refuses to touch a namespace that already exists, so it can never replace the passwords
# of a running MongoDB or Redis. The Consul ACL token and the prod TLS certificate are made
# later by hand (k8s/README.md). Needs kubectl (pointing at the cluster) and openssl.
set -euo pipefail

ns="${1:?usage: create-secrets.sh <namespace> <mongodb members>}"
members="${2:?usage: create-secrets.sh <namespace> <mongodb members>}"

if kubectl get namespace "$ns" >/dev/null 2>&1; then
  echo "create-secrets: namespace $ns already exists; not touching its Secrets" >&2
  exit 1
fi

kubectl create namespace "$ns"
# Our pods meet the "restricted" Pod Security Standard; the Consul client agents (hostPort
# 8500) do not meet even "baseline", so warn and audit, don't enforce.
kubectl label namespace "$ns" pod-security.kubernetes.io/warn=restricted pod-security.kubernetes.io/audit=restricted

mongo_root_pw="$(openssl rand -hex 24)"
mongo_app_pw="$(openssl rand -hex 24)"
kubectl -n "$ns" create secret generic identity-mongo-server \
  --from-literal=root-username=root \
  --from-literal=root-password="$mongo_root_pw" \
  --from-literal=app-username=identity \
  --from-literal=app-password="$mongo_app_pw" \
  --from-literal=keyfile="$(openssl rand -base64 756 | tr -d '\n')"

hosts=""
for i in $(seq 0 $((members - 1))); do
  hosts="${hosts:+$hosts,}mongodb-$i.mongodb.$ns.svc.cluster.local:27017"
done
kubectl -n "$ns" create secret generic identity-mongo \
  --from-literal=connection-string="mongodb://identity:${mongo_app_pw}@${hosts}/?replicaSet=rs0&authSource=admin"

redis_pw="$(openssl rand -hex 24)"
kubectl -n "$ns" create secret generic identity-redis \
  --from-literal=password="$redis_pw" \
  --from-literal=connection-string="redis.$ns.svc.cluster.local:6379,password=${redis_pw},abortConnect=false"

kubectl -n "$ns" create secret generic identity-admin \
  --from-literal=api-key="$(openssl rand -hex 32)"

echo "create-secrets: namespace $ns with identity-mongo-server, identity-mongo, identity-redis, identity-admin"
