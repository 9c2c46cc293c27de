#!/usr/bin/python3
"""Checks a Ramp TensorBoard event file with independent decoders: crcmod's CRC-32C for the TFRecord
framing and Google's protobuf runtime for the Event messages (declared from TensorBoard's event.proto
and summary.proto field numbers). Needs Debian's python3-protobuf and python3-crcmod. Prints the scalars and
the session starts (a resumed session's first step: TensorBoard drops earlier files' scalars from that step on).

Usage: tools/check_tensorboard_events.py RUN_DIR/events.out.tfevents.*"""
import struct
import sys

import crcmod.predefined
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

crc32c = crcmod.predefined.mkCrcFun("crc-32c")


def masked(data):
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def event_class():
    file = descriptor_pb2.FileDescriptorProto(name="ramp_event_check.proto", package="check", syntax="proto3")
    value = file.message_type.add(name="Value")
    value.field.add(name="tag", number=1, type=9, label=1)
    value.field.add(name="simple_value", number=2, type=2, label=1)
    summary = file.message_type.add(name="Summary")
    summary.field.add(name="value", number=1, type=11, label=3, type_name=".check.Value")
    session_log = file.message_type.add(name="SessionLog")
    status = session_log.enum_type.add(name="SessionStatus")
    for name, number in (("STATUS_UNSPECIFIED", 0), ("START", 1), ("STOP", 2), ("CHECKPOINT", 3)):
        status.value.add(name=name, number=number)
    session_log.field.add(name="status", number=1, type=14, label=1, type_name=".check.SessionLog.SessionStatus")
    event = file.message_type.add(name="Event")
    event.field.add(name="wall_time", number=1, type=1, label=1)
    event.field.add(name="step", number=2, type=3, label=1)
    event.field.add(name="file_version", number=3, type=9, label=1)
    event.field.add(name="summary", number=5, type=11, label=1, type_name=".check.Summary")
    event.field.add(name="session_log", number=7, type=11, label=1, type_name=".check.SessionLog")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    descriptor = pool.FindMessageTypeByName("check.Event")
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)


def main(path):
    Event = event_class()
    data = open(path, "rb").read()
    offset, count = 0, 0
    while offset < len(data):
        header = data[offset:offset + 8]
        (length,) = struct.unpack("<Q", header)
        (length_crc,) = struct.unpack("<I", data[offset + 8:offset + 12])
        assert length_crc == masked(header), f"length crc mismatch at {offset}"
        payload = data[offset + 12:offset + 12 + length]
        (data_crc,) = struct.unpack("<I", data[offset + 12 + length:offset + 16 + length])
        assert data_crc == masked(payload), f"data crc mismatch at {offset}"
        event = Event.FromString(payload)
        if count == 0:
            assert event.file_version == "brain.Event:2", event
        if event.HasField("session_log"):
            assert event.session_log.status == 1, event
            print(f"{event.step}\tsession start")
        for value in event.summary.value:
            print(f"{event.step}\t{value.tag}\t{value.simple_value!r}")
        offset += 16 + length
        count += 1
    print(f"{count} records, all checksums valid")


if __name__ == "__main__":
    main(sys.argv[1])
