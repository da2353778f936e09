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
    <message><source>The plan was edited: segments not yet started follow the new plan.</source><translation>计划已修改：尚未开始的段落按新计划进行。</translation></message>
    <message><source>Unsaved changes: saved automatically in a moment</source><translation>有未保存的修改，稍后自动保存</translation></message>
    <message><source>All changes saved ({time})</source><translation>所有修改已保存（{time}）</translation></message>
    <message><source>Saved, but {errors} advertising-law errors remain (underlined in red): reword them before the show.</source><translation>已保存，但仍有 {errors} 处广告法违规（红色下划线），请在开播前改掉。</translation></message>
    <message><source>Saved. No advertising-law errors.</source><translation>已保存，没有广告法违规。</translation></message>
    <message><source>The budgets apply once the product has a pitch in the run order.</source><translation>该商品在流程中有讲解段后，时长预算才会生效。</translation></message>
    <message><source>Edit the script of {name}</source><translation>修改「{name}」的脚本</translation></message>
</context>
</TS>
