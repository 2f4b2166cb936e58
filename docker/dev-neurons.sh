#!/bin/sh
# One-shot set-up of the compose stack's dev neurons on the devnet, as `npm start` does (apps/cli
# dev-neurons.ts): a validator wallet (coldkey //Bob, staked) and a miner wallet (coldkey //Charlie, axon
# served), both registered on NETUID. Idempotent: existing wallets are kept and an already registered hotkey is
# not an error. Dev keys only; against a real network mount your own wallets and do not run this service.
set -eu
if [ "${DEV_NEURONS:-on}" = off ]; then
  echo "dev-neurons: DEV_NEURONS=off, using the wallets in ${WALLET_PATH} as they are"
  exit 0
fi
taonode() { node apps/cli/src/main.js "$@"; }
chain="--subtensor.chain_endpoint ${SUBTENSOR_CHAIN_ENDPOINT}"
netuid="${NETUID:-1}"

wallet() { # name coldkey-uri hotkey-uri
  if [ ! -f "${WALLET_PATH}/$1/coldkey" ]; then
    taonode wallet new-coldkey --wallet.name "$1" --wallet.path "${WALLET_PATH}" --uri "$2" --no-password --no-prompt
    taonode wallet new-hotkey --wallet.name "$1" --wallet.hotkey default --wallet.path "${WALLET_PATH}" --uri "$3" --no-prompt
  fi
  # Hotkeys sign serve_axon and set_weights; the chain's nonce check wants their account to exist.
  hotkey=$(taonode wallet inspect --wallet.name "$1" --wallet.path "${WALLET_PATH}" --json \
    | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).hotkeys[0].ss58_address')
  taonode wallet transfer --wallet.name "$1" --wallet.path "${WALLET_PATH}" --dest "$hotkey" --amount 1 $chain --no-prompt
  taonode subnet register --netuid "$netuid" --wallet.name "$1" --wallet.hotkey default --wallet.path "${WALLET_PATH}" \
    $chain --no-prompt || echo "dev-neurons: $1 already registered on subnet $netuid"
}

wallet validator //Bob //Bob//validator
taonode stake add --netuid "$netuid" --amount 100 --wallet.name validator --wallet.hotkey default \
  --wallet.path "${WALLET_PATH}" $chain --no-prompt
wallet miner //Charlie //Charlie//miner
taonode axon serve --netuid "$netuid" --axon.external_ip "${AXON_EXTERNAL_IP}" --axon.external_port "${AXON_EXTERNAL_PORT}" \
  --wallet.name miner --wallet.hotkey default --wallet.path "${WALLET_PATH}" $chain
echo "dev-neurons: validator and miner registered on subnet $netuid"
