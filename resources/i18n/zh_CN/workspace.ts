<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message><source>Saving…</source><translation>正在保存…</translation></message>
    <message><source>Opening session #{id}…</source><translation>正在打开场次 #{id}…</translation></message>
    <message><source>Edit forecast assumptions</source><translation>修改预测假设</translation></message>
    <message><source>Something unexpected went wrong ({kind}: {reason}). Your edits are saved; try again, and if it happens again restart LiveDesk and send the details to support.</source><translation>出现了意外错误（{kind}：{reason}）。你的修改已保存；请重试，若再次出现，请重启 LiveDesk 并把详情发给技术支持。</translation></message>
    <message><source>This session no longer exists ({reason}). Choose another session in the list.</source><translation>这个场次已不存在（{reason}）。请在左侧列表中选择其他场次。</translation></message>
    <message><source>The database could not be reached ({reason}). Your last edit is kept in the window; try again in a moment, and check the network if the database is shared.</source><translation>无法连接数据库（{reason}）。最近的修改仍保留在窗口中；请稍后重试，如使用共享数据库，请检查网络。</translation></message>
    <message><source>A file could not be read or written ({reason}). Check that it exists and no other program has it open, then try again.</source><translation>无法读取或写入文件（{reason}）。请确认文件存在且没有被其他程序占用，然后重试。</translation></message>
    <message><source>This did not work: {reason}. Check the input and try again.</source><translation>操作未完成：{reason}。请检查输入后重试。</translation></message>
</context>
</TS>
