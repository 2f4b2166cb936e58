// pm2 start deploy/pm2/ecosystem.config.js (from the repository root); pm2 logs taonode-miner.
// Edit the flags: the same as the Python template's (`--netuid`, `--wallet.name`, `--subtensor.network`, …).
// Secrets never go in `args` (they show in `ps` and `pm2 show`): REDIS_URL=redis://:<password>@host:6379 comes from
// the environment `pm2 start` runs in (e.g. `set -a; . /etc/taonode/validator.env; set +a; pm2 start …`); unset, a
// private append-only redis-server is started. The coldkey is never unlocked. An encrypted hotkey (btcli
// --use-password) needs btwallet's BT_PW_<HOTKEY FILE PATH>=<encoded password> in that same environment file (mode
// 600; pm2 has no terminal to prompt on, and the preflight's refusal names the variable); the supervisor hands it
// only to the services that sign with the hotkey.
// pm2 stops with SIGINT, then SIGKILL after kill_timeout. treekill off: only the supervisor gets SIGINT and stops
// its services in order (each has 20 s before SIGKILL); pm2's default would signal every service at once.
const common = {
  script: 'bin/taonode.js',
  cwd: __dirname + '/../..',
  interpreter: 'node',
  autorestart: true,
  // A command-line mistake (exit 2) is not fixed by restarting.
  stop_exit_codes: [2],
  treekill: false,
  kill_timeout: 180_000,
  restart_delay: 10_000,
  env: { NODE_ENV: 'production' },
};

module.exports = {
  apps: [
    {
      ...common,
      name: 'taonode-miner',
      args: [
        'miner',
        '--netuid',
        '1',
        '--wallet.name',
        'prod_miner',
        '--wallet.hotkey',
        'default',
        '--subtensor.network',
        'finney',
        '--axon.port',
        '8091',
        '--axon.external_ip',
        '203.0.113.10',
        '--logging.logging_dir',
        'logs/miner',
      ],
    },
    {
      ...common,
      name: 'taonode-validator',
      args: [
        'validator',
        '--netuid',
        '1',
        '--wallet.name',
        'prod_validator',
        '--wallet.hotkey',
        'default',
        '--subtensor.network',
        'finney',
        '--logging.logging_dir',
        'logs/validator',
      ],
    },
  ],
};
