#!/bin/sh
# Registers the namespace Accord's workers use (TEMPORAL_NAMESPACE, default "default") and Accord's search
# attributes in it once the server answers: run by the temporal-namespace service of docker-compose.yml; safe
# to run again. Workers register the attributes too (tolerating those already there); doing it here means a
# run started before any worker (from the CLI or the Temporal UI) is not refused. The list is
# dev.accord.workflows.runs.AccordSearchAttributes; docs/operations.md shows how to query them.
set -eu
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
until temporal operator cluster health --address "$TEMPORAL_ADDRESS"; do echo "waiting for $TEMPORAL_ADDRESS"; sleep 3; done
temporal operator namespace describe --namespace "$NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 \
  || temporal operator namespace create --namespace "$NAMESPACE" --retention 72h --address "$TEMPORAL_ADDRESS"
for attribute in AccordFlow:Keyword AccordRunKind:Keyword AccordContractVersion:Int AccordContractHash:Keyword \
                 AccordDryRun:Bool AccordState:Keyword; do
  name="${attribute%%:*}"
  type="${attribute#*:}"
  temporal operator search-attribute list --namespace "$NAMESPACE" --address "$TEMPORAL_ADDRESS" | grep -qw "$name" \
    || temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type" --address "$TEMPORAL_ADDRESS"
done
echo "namespace $NAMESPACE is ready, with Accord's search attributes"
