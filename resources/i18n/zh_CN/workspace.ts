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
    <message><source>{name} is a folder, not a file. Choose a file name and try again.</source><translation>{name} 是一个文件夹，不是文件。请换一个文件名再试。</translation></message>
    <message><source>The file {name} could not be read or written. Check that its folder exists and no other program has it open, then try again.</source><translation>文件 {name} 无法读取或写入。请确认所在文件夹存在、文件没有被其他程序占用，然后重试。</translation></message>
    <message><source>This did not work: {reason}. Check the input and try again.</source><translation>操作未完成：{reason}。请检查输入后重试。</translation></message>
    <message><source>The plan was edited: segments not yet started follow the new plan.</source><translation>计划已修改：尚未开始的段落按新计划进行。</translation></message>
    <message><source>Unsaved changes: saved automatically in a moment</source><translation>有未保存的修改，稍后自动保存</translation></message>
    <message><source>All changes saved ({time})</source><translation>所有修改已保存（{time}）</translation></message>
    <message><source>Saved, but {errors} advertising-law errors remain (underlined in red): reword them before the show.</source><translation>已保存，但仍有 {errors} 处广告法违规（红色下划线），请在开播前改掉。</translation></message>
    <message><source>Saved. No advertising-law errors.</source><translation>已保存，没有广告法违规。</translation></message>
    <message><source>The budgets apply once the product has a pitch in the run order.</source><translation>该商品在流程中有讲解段后，时长预算才会生效。</translation></message>
    <message><source>Edit the script of {name}</source><translation>修改「{name}」的脚本</translation></message>
    <message><source>Replace: the pool becomes the file's {after} products ({removed} removed, {added} new).</source><translation>替换：货盘变为文件中的 {after} 个商品（移除 {removed} 个，新增 {added} 个）。</translation></message>
    <message><source>Append: {added} new products are added ({skipped} with ids already in the pool are left as they are); {after} in all.</source><translation>追加：新增 {added} 个商品（{skipped} 个编号已在货盘中，保持不变）；共 {after} 个。</translation></message>
    <message><source>Update by product id: {updated} products take the file's values, {added} are added, none removed; {after} in all.</source><translation>按商品ID更新：{updated} 个商品采用文件中的数据，新增 {added} 个，不移除任何商品；共 {after} 个。</translation></message>
    <message><source>{count} pitch segments would name a product no longer in the pool.</source><translation>有 {count} 个讲解段将指向已不在货盘中的商品。</translation></message>
    <message><source>The pool already has {before} products; {file} has {count}. What should happen?</source><translation>货盘中已有 {before} 个商品，{file} 中有 {count} 个。要怎么处理？</translation></message>
    <message><source>Update by product id</source><translation>按商品ID更新</translation></message>
    <message><source>Append new products</source><translation>追加新商品</translation></message>
    <message><source>Replace the pool</source><translation>替换整个货盘</translation></message>
    <message><source>Cancel</source><translation>取消</translation></message>
    <message><source>Reading {name}…</source><translation>正在读取 {name}…</translation></message>
    <message><source>Not imported: {reason}</source><translation>未导入：{reason}</translation></message>
    <message><source>Import cancelled.</source><translation>已取消导入。</translation></message>
    <message><source>Import cancelled; the pool is unchanged.</source><translation>已取消导入，货盘未改变。</translation></message>
    <message><source>The file {name} does not exist. Check the folder and the name, then try again.</source><translation>文件 {name} 不存在。请检查文件夹和文件名后重试。</translation></message>
    <message><source>LiveDesk may not read or write {name}. Choose another folder, or close the program that has it open.</source><translation>LiveDesk 没有权限读写 {name}。请换一个文件夹，或关闭正在使用它的程序。</translation></message>
    <message><source>Dismiss</source><translation>知道了</translation></message>
    <message><source>Close window</source><translation>关闭</translation></message>
    <message><source>All accounts</source><translation>全部账号</translation></message>
    <message><source>Search titles</source><translation>搜索标题</translation></message>
    <message><source>Show more</source><translation>显示更多</translation></message>
    <message><source>{shown} of {total} sessions</source><translation>{shown} / 共 {total} 场</translation></message>
    <message><source>(no account)</source><translation>（无账号）</translation></message>
</context>
</TS>
