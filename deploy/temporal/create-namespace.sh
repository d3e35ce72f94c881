#!/bin/sh
# Registers the namespace Accord's workers use (TEMPORAL_NAMESPACE, default "default") once the server
# answers: run by the temporal-namespace service of docker-compose.yml; safe to run again.
set -eu
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
until temporal operator cluster health --address "$TEMPORAL_ADDRESS"; do echo "waiting for $TEMPORAL_ADDRESS"; sleep 3; done
temporal operator namespace describe --namespace "$NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 \
  || temporal operator namespace create --namespace "$NAMESPACE" --retention 72h --address "$TEMPORAL_ADDRESS"
echo "namespace $NAMESPACE is ready"
