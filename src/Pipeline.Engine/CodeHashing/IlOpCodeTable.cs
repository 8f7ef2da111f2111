using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;

namespace Pipeline.Engine.CodeHashing;

/// <summary>Every IL opcode, looked up by its encoding; built once from the public static fields of <see cref="OpCodes"/>.</summary>
internal static class IlOpCodeTable
{
    private const byte TwoByteLead = 0xFE;

    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static IlOpCodeTable()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode opCode) continue;
            var value = (ushort)opCode.Value;
            if (opCode.Size == 1) OneByte[value] = opCode;
            else TwoByte[value & 0xFF] = opCode;
        }
    }

    /// <summary>Reads the opcode at <paramref name="position"/> and advances past it.</summary>
    public static OpCode Read(ReadOnlySpan<byte> il, ref int position)
    {
        var first = il[position++];
        var opCode = first == TwoByteLead ? TwoByte[il[position++]] : OneByte[first];
        return opCode ?? throw new InvalidOperationException($"Unknown IL opcode 0x{first:x2} at offset {position - 1}.");
    }

    /// <summary>The size in bytes of the operand that starts at <paramref name="position"/>.</summary>
    public static int OperandSize(OperandType operandType, ReadOnlySpan<byte> il, int position) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * (int)BinaryPrimitives.ReadUInt32LittleEndian(il[position..]),
        _ => 4,
    };

    /// <summary>True when the operand is a metadata token (whose raw value is not stable across compilations).</summary>
    public static bool IsToken(OperandType operandType) => operandType is
        OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineSig or
        OperandType.InlineString or OperandType.InlineTok or OperandType.InlineType;
}
