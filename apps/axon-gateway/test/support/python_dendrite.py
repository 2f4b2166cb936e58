"""A Python-format dendrite on real aiohttp: the wire path of the SDK 10.x `Dendrite.call` and `call_stream`.

It builds each request as `bittensor/core/dendrite.py` and `bittensor/core/synapse.py` do (`to_headers()`,
`model_dump()` sent with aiohttp's `json=`, the SHA3-256 body hash over Python `str()` of each hash field, the
`{nonce}.{dendrite}.{axon}.{uuid}.{body_hash}` message), and reads answers the same way (`response.json()`,
`process_server_response`, `Synapse.from_headers`, `DENDRITE_ERROR_MAPPING`). Pydantic is not available here, so the
synapse classes are plain field tables with the SDK's casters; the sr25519 signature comes from the test harness, as
the SDK's comes from the Rust `bittensor_wallet`, never from Python.

Protocol on stdin/stdout, one JSON document per line:
  harness -> {"calls": [call, ...]}             the calls to make, all at once (asyncio.gather, one session)
  dendrite -> {"id": n, "call": i, "hotkey": ss58, "sign": message}   a message of call i for the harness to sign
  harness -> {"id": n, "signature": "0x..."}    its signature
  dendrite -> {"results": [result, ...]}        one result per call, in order; then it exits
A call is {"synapse", "inputs", "axon": {"ip", "port", "hotkey"}, "hotkey", "timeout"}; a result holds the final
synapse (python-mode dump), its `deserialize()` value, and for streaming synapses the chunks as yielded.
"""

import asyncio
import base64
import hashlib
import json
import sys
import time
import uuid

import aiohttp

VERSION_AS_INT = 10002000  # bittensor 10.2.0, as version_as_int computes it
DENDRITE_IP = "127.0.0.1"


def cast_int(raw):
    return int(raw) if raw is not None else raw


def cast_float(raw):
    return float(raw) if raw is not None else raw


# TerminalInfo's fields in declaration order, each with the caster its field_validator applies.
TERMINAL_FIELDS = {
    "status_code": cast_int,
    "status_message": None,
    "process_time": cast_float,
    "ip": None,
    "port": cast_int,
    "version": cast_int,
    "nonce": cast_int,
    "uuid": None,
    "hotkey": None,
    "signature": None,
}

# Synapse subclasses as field tables: name -> (type, required). Required means declared without a default.
TEXT_GENERATION_FIELDS = {
    "prompt": (str, True),
    "max_tokens": (int, True),
    "temperature": (float, True),
    "seed": (int, True),
    "completion": (str, False),
}
SYNAPSES = {
    "Synapse": {"fields": {}, "hash": [], "output": None, "streaming": False},
    "Dummy": {
        "fields": {"dummy_input": (int, True), "dummy_output": (int, False)},
        "hash": [],
        "output": "dummy_output",
        "streaming": False,
    },
    "TextGeneration": {
        "fields": TEXT_GENERATION_FIELDS,
        "hash": ["prompt", "max_tokens", "temperature", "seed"],
        "output": "completion",
        "streaming": False,
    },
    "StreamingTextGeneration": {
        "fields": TEXT_GENERATION_FIELDS,
        "hash": ["prompt", "max_tokens", "temperature", "seed"],
        "output": "completion",
        "streaming": True,
    },
    # A class the miner does not serve: the axon answers 404.
    "Unserved": {"fields": {"question": (str, True)}, "hash": [], "output": None, "streaming": False},
}


class ValidationError(Exception):
    """What pydantic would raise for a body or header that does not fit the class."""


def terminal_info(values):
    if not isinstance(values, dict):
        raise ValidationError(f"TerminalInfo expects an object, got {values!r}")
    info = {}
    for name, caster in TERMINAL_FIELDS.items():
        value = values.get(name)
        info[name] = caster(value) if caster is not None else value
        if caster is None and value is not None and not isinstance(value, str):
            raise ValidationError(f"TerminalInfo.{name} expects a string, got {value!r}")
    return info


def validate_field(name, kind, value):
    if value is None:
        return None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # pydantic's lax mode: an int is a valid float
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ValidationError(f"{name} expects {kind.__name__}, got {value!r}")
    return value


def build_synapse(class_name, values):
    """`cls(**values)`: the base fields with their casters, then the subclass's typed fields."""
    spec = SYNAPSES[class_name]
    synapse = {
        "name": class_name,
        "timeout": cast_float(values.get("timeout", 12.0)),
        "total_size": cast_int(values.get("total_size", 0)),
        "header_size": cast_int(values.get("header_size", 0)),
        "dendrite": terminal_info(values.get("dendrite") or {}),
        "axon": terminal_info(values.get("axon") or {}),
        "computed_body_hash": values.get("computed_body_hash", ""),
    }
    for name, (kind, required) in spec["fields"].items():
        if required and name not in values:
            raise ValidationError(f"{class_name}.{name}: field required")
        synapse[name] = validate_field(name, kind, values.get(name))
    return synapse


def body_hash(class_name, synapse):
    hashes = [hashlib.sha3_256(str(synapse[name]).encode()).hexdigest() for name in SYNAPSES[class_name]["hash"]]
    return hashlib.sha3_256("".join(hashes).encode()).hexdigest()


def to_headers(class_name, synapse):
    headers = {"name": synapse["name"], "timeout": str(synapse["timeout"])}
    headers.update({f"bt_header_axon_{k}": str(v) for k, v in synapse["axon"].items() if v is not None})
    headers.update({f"bt_header_dendrite_{k}": str(v) for k, v in synapse["dendrite"].items() if v is not None})
    required = [name for name, (_, is_required) in SYNAPSES[class_name]["fields"].items() if is_required]
    for field, value in synapse.items():
        if field in headers or value is None:
            continue
        if field in required:
            encoded = json.dumps(value.__class__.__call__())
            headers[f"bt_header_input_obj_{field}"] = base64.b64encode(encoded.encode()).decode("utf-8")
    headers["header_size"] = str(sys.getsizeof(headers))
    synapse["total_size"] = sys.getsizeof(synapse)
    headers["total_size"] = str(synapse["total_size"])
    headers["computed_body_hash"] = body_hash(class_name, synapse)
    return headers


def from_headers(headers):
    """`Synapse.from_headers`: the bt_header_axon_/dendrite_ values through TerminalInfo's casters."""
    axon, dendrite = {}, {}
    for key, value in headers.items():
        if "bt_header_axon_" in key:
            axon[key.split("bt_header_axon_")[1]] = value
        elif "bt_header_dendrite_" in key:
            dendrite[key.split("bt_header_dendrite_")[1]] = value
    return terminal_info(axon), terminal_info(dendrite)


def process_server_response(status, headers, json_response, local, class_name):
    if status == 200:
        server = build_synapse(class_name, json_response)
        for key in local:
            if key != "computed_body_hash":  # frozen: the server cannot overwrite it
                local[key] = server[key]
    else:
        local["axon"]["status_code"] = status
        local["axon"]["status_message"] = json_response.get("message")
    server_axon, server_dendrite = from_headers(headers)
    local["dendrite"].update({k: v for k, v in server_dendrite.items() if v is not None})
    local["axon"].update({k: v for k, v in server_axon.items() if v is not None})
    local["dendrite"]["status_code"] = local["axon"]["status_code"]
    local["dendrite"]["status_message"] = local["axon"]["status_message"]


ERROR_MAPPING = {
    aiohttp.ClientConnectorError: ("503", "Service unavailable"),
    asyncio.TimeoutError: ("408", "Request timeout"),
    aiohttp.ClientResponseError: (None, "Client response error"),
    aiohttp.ClientPayloadError: ("400", "Payload error"),
    aiohttp.ClientError: ("500", "Client error"),
    aiohttp.ServerTimeoutError: ("504", "Server timeout error"),
    aiohttp.ServerDisconnectedError: ("503", "Service disconnected"),
    aiohttp.ServerConnectionError: ("503", "Service connection error"),
}


def process_error_message(synapse, request_name, exception):
    status_code, status_message = ERROR_MAPPING.get(type(exception), ("422", "Failed to parse response"))
    if status_code:
        synapse["dendrite"]["status_code"] = int(status_code)
    elif isinstance(exception, aiohttp.ClientResponseError):
        synapse["dendrite"]["status_code"] = exception.code
    message = f"{status_message}: {exception}"
    if isinstance(exception, aiohttp.ClientConnectorError):
        message = f"{status_message} at {synapse['axon']['ip']}:{synapse['axon']['port']}/{request_name}"
    elif isinstance(exception, asyncio.TimeoutError):
        message = f"{status_message} after {synapse['timeout']} seconds"
    synapse["dendrite"]["status_message"] = message


def extract_response_json(response, synapse):
    """A StreamingSynapse subclass's `extract_response_json` as subnets write it: the synapse rebuilt from headers."""
    headers = {k.decode("utf-8"): v.decode("utf-8") for k, v in response.raw_headers}

    def prefixed(prefix):
        return {key[len(prefix):]: value for key, value in headers.items() if key.startswith(prefix)}

    return {
        **{name: synapse[name] for name in SYNAPSES[synapse["name"]]["fields"]},
        "name": headers.get("name", synapse["name"]),
        "timeout": float(headers.get("timeout", synapse["timeout"])),
        "dendrite": prefixed("bt_header_dendrite_"),
        "axon": prefixed("bt_header_axon_"),
    }


class Signer:
    """Asks the harness to sign, as the SDK asks its Rust keypair."""

    def __init__(self):
        self.pending = {}
        self.next_id = 0

    async def sign(self, call_index, hotkey, message):
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        emit({"id": self.next_id, "call": call_index, "hotkey": hotkey, "sign": message})
        return await future

    def answered(self, document):
        self.pending.pop(document["id"]).set_result(document["signature"])


def emit(document):
    sys.stdout.write(json.dumps(document) + "\n")
    sys.stdout.flush()


class Dendrite:
    def __init__(self, session, signer, hotkey):
        self.session = session
        self.signer = signer
        self.hotkey = hotkey
        self.uuid = str(uuid.uuid1())

    async def preprocess(self, call_index, class_name, inputs, axon, timeout):
        synapse = build_synapse(class_name, inputs)
        synapse["timeout"] = timeout
        synapse["dendrite"] = terminal_info(
            {
                "ip": DENDRITE_IP,
                "version": VERSION_AS_INT,
                "nonce": time.time_ns(),
                "uuid": self.uuid,
                "hotkey": self.hotkey,
            }
        )
        synapse["axon"] = terminal_info({"ip": axon["ip"], "port": axon["port"], "hotkey": axon["hotkey"]})
        dendrite = synapse["dendrite"]
        message = f"{dendrite['nonce']}.{dendrite['hotkey']}.{axon['hotkey']}.{dendrite['uuid']}.{body_hash(class_name, synapse)}"
        dendrite["signature"] = await self.signer.sign(call_index, self.hotkey, message)
        return synapse

    async def call(self, call_index, call):
        class_name = call["synapse"]
        axon = call["axon"]
        timeout = float(call.get("timeout", 12.0))
        started = time.time()
        synapse = await self.preprocess(call_index, class_name, call["inputs"], axon, timeout)
        sent_nonce = synapse["dendrite"]["nonce"]
        chunks = []
        try:
            headers = to_headers(class_name, synapse)
            async with self.session.post(
                url=f"http://{axon['ip']}:{axon['port']}/{class_name}",
                headers=headers,
                json=synapse,
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                if SYNAPSES[class_name]["streaming"]:
                    # process_streaming_response: each chunk decoded as it arrives, accumulated into the output field.
                    output = SYNAPSES[class_name]["output"]
                    synapse[output] = synapse[output] or ""
                    async for chunk in response.content.iter_any():
                        text = chunk.decode("utf-8")
                        chunks.append(text)
                        synapse[output] += text
                    json_response = extract_response_json(response, synapse)
                else:
                    json_response = await response.json()
                process_server_response(response.status, response.headers, json_response, synapse, class_name)
            synapse["dendrite"]["process_time"] = time.time() - started
        except Exception as exception:  # as the SDK: every failure becomes a status on the synapse
            process_error_message(synapse, class_name, exception)
        output = SYNAPSES[class_name]["output"]
        return {
            "synapse": synapse,
            "deserialized": synapse[output] if output else None,
            "chunks": chunks,
            "is_success": synapse["dendrite"]["status_code"] == 200,
            "nonce_round_trip": synapse["dendrite"]["nonce"] == sent_nonce,
        }


async def main():
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    calls = json.loads(await reader.readline())["calls"]
    signer = Signer()

    async def read_signatures():
        while line := await reader.readline():
            signer.answered(json.loads(line))

    listener = asyncio.create_task(read_signatures())
    async with aiohttp.ClientSession() as session:
        # One Dendrite (one uuid) per hotkey, as a validator process holds one per wallet.
        dendrites = {call["hotkey"]: Dendrite(session, signer, call["hotkey"]) for call in calls}
        results = await asyncio.gather(*(dendrites[call["hotkey"]].call(i, call) for i, call in enumerate(calls)))
    listener.cancel()
    emit({"results": results})


if __name__ == "__main__":
    asyncio.run(main())
