// pm2 start deploy/pm2/ecosystem.config.js (from the repository root); pm2 logs taonode-miner.
// Edit the flags: the same as the Python template's (`--netuid`, `--wallet.name`, `--subtensor.network`, …).
// pm2 stops with SIGINT then SIGKILL after kill_timeout: taonode stops its services in order on SIGINT too.
const common = {
  script: 'bin/taonode.js',
  cwd: __dirname + '/../..',
  interpreter: 'node',
  autorestart: true,
  kill_timeout: 90_000,
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
