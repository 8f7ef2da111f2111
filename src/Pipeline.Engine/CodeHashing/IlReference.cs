using System.Reflection;

namespace Pipeline.Engine.CodeHashing;

/// <summary>A member named by a token in a method body; <paramref name="VirtualDispatch"/> when reached through <c>callvirt</c>/<c>ldvirtftn</c>.</summary>
internal readonly record struct IlReference(MemberInfo Member, bool VirtualDispatch);
