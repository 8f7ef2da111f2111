using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// The md5 of one method's normalized body: IL bytes with every metadata token replaced by the stable text of what it
/// names, plus the types of the locals and the exception-handling clauses.
/// </summary>
internal static class MethodIlHasher
{
    /// <summary>Hashes <paramref name="method"/> (a definition) and appends the members its IL names to <paramref name="references"/>.</summary>
    public static byte[] Hash(MethodBase method, StableNames names, List<IlReference> references)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        Append(md5, $"method {names.Method(method)} {method.Attributes} {method.MethodImplementationFlags}");
        var body = method.GetMethodBody();
        if (body is null)
        {
            Append(md5, "no body");
            return md5.GetHashAndReset();
        }

        Append(md5, $"initlocals {body.InitLocals}");
        foreach (var local in body.LocalVariables)
            Append(md5, $"local {names.Type(local.LocalType)}{(local.IsPinned ? " pinned" : "")}");
        foreach (var clause in body.ExceptionHandlingClauses)
            Append(md5, Describe(clause, names));

        HashInstructions(md5, method, body.GetILAsByteArray() ?? [], names, references);
        return md5.GetHashAndReset();
    }

    private static void HashInstructions(IncrementalHash md5, MethodBase method, byte[] il, StableNames names, List<IlReference> references)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } owner ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var start = position;
            var opCode = IlOpCodeTable.Read(il, ref position);
            md5.AppendData(il.AsSpan(start, position - start));
            var size = IlOpCodeTable.OperandSize(opCode.OperandType, il, position);
            if (IlOpCodeTable.IsToken(opCode.OperandType))
            {
                var token = BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(position));
                Append(md5, Resolve(method.Module, token, opCode, typeArguments, methodArguments, names, references));
            }
            else
            {
                md5.AppendData(il.AsSpan(position, size));
            }

            position += size;
        }
    }

    private static string Resolve(
        Module module, int token, OpCode opCode, Type[]? typeArguments, Type[]? methodArguments,
        StableNames names, List<IlReference> references)
    {
        switch (opCode.OperandType)
        {
            case OperandType.InlineString:
                return "string " + names.Literal(module.ResolveString(token));
            case OperandType.InlineSig:
                // NOTE: calli signatures are hashed as raw blob bytes; C# emits calli only for function pointers.
                return "signature " + Convert.ToHexString(module.ResolveSignature(token));
        }

        var member = module.ResolveMember(token, typeArguments, methodArguments)
            ?? throw new InvalidOperationException($"Token 0x{token:x8} in {module.Name} does not resolve.");
        var isVirtual = opCode == OpCodes.Callvirt || opCode == OpCodes.Ldvirtftn;
        references.Add(new IlReference(member, isVirtual));
        switch (member)
        {
            case MethodBase called:
                return "method " + names.Method(called);
            case FieldInfo field:
                return "field " + names.Field(field);
            case Type type:
                if (opCode == OpCodes.Ldtoken) names.NoteShaped(type);
                return "type " + names.Type(type);
            default:
                return "member " + member;
        }
    }

    private static string Describe(ExceptionHandlingClause clause, StableNames names)
    {
        var handler = clause.Flags switch
        {
            ExceptionHandlingClauseOptions.Clause => "catch " + names.Type(clause.CatchType!),
            ExceptionHandlingClauseOptions.Filter => "filter " + clause.FilterOffset,
            _ => clause.Flags.ToString(),
        };
        return $"try {clause.TryOffset}+{clause.TryLength} handler {clause.HandlerOffset}+{clause.HandlerLength} {handler}";
    }

    private static void Append(IncrementalHash md5, string text)
    {
        // NOTE: length-prefixed so that adjacent texts cannot run into each other and collide.
        Span<byte> length = stackalloc byte[4];
        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        md5.AppendData(length);
        md5.AppendData(bytes);
    }
}
